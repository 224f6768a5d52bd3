# Follows vllm-project/vllm examples/online_serving/openai_chat_completion_with_reasoning.py,
# commit 2b506aa7270c3dc184030d45ff168abeac1e61d5 (message.reasoning_content, an extra field);
# also prints the whole choice (vLLM's extra stop_reason) and usage.
import os

from openai import OpenAI


def main() -> None:
    client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY", "EMPTY"),
                    base_url=os.environ.get("OPENAI_BASE_URL", "http://localhost:8000/v1"))
    models = client.models.list()
    print(models.data[0])
    model = models.data[0].id

    messages = [{"role": "user", "content": "9.11 and 9.8, which is greater?"}]
    response = client.chat.completions.create(model=model, messages=messages)
    reasoning_content = response.choices[0].message.reasoning_content
    content = response.choices[0].message.content
    print("reasoning_content for Round 1:", reasoning_content)
    print("content for Round 1:", content)
    print(response.choices[0])
    print(response.choices[0].stop_reason, response.usage)

    messages.append({"role": "assistant", "content": content})
    messages.append({"role": "user", "content": "How many Rs are there in the word 'strawberry'?"})
    response = client.chat.completions.create(model=model, messages=messages)
    print("reasoning_content for Round 2:", response.choices[0].message.reasoning_content)
    print("content for Round 2:", response.choices[0].message.content)
    print(response.model_dump(exclude_none=True)["choices"][0]["message"])


if __name__ == "__main__":
    main()
