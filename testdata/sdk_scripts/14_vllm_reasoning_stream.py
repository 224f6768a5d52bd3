# Follows vllm-project/vllm examples/online_serving/openai_chat_completion_with_reasoning_streaming.py,
# commit 0a094d29fd23a9789f8029250129f8d20d8d1c66 (hasattr(delta, "reasoning_content") on chunks).
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY", "EMPTY"),
                base_url=os.environ.get("OPENAI_BASE_URL", "http://localhost:8000/v1"))
model = client.models.list().data[0].id

messages = [{"role": "user", "content": "9.11 and 9.8, which is greater?"}]
stream = client.chat.completions.create(model=model, messages=messages, stream=True)

print("client: Start streaming chat completions...")
printed_reasoning_content = False
printed_content = False
last = None
for chunk in stream:
    last = chunk
    reasoning_content = None
    content = None
    # Check the content is reasoning_content or content
    if hasattr(chunk.choices[0].delta, "reasoning_content"):
        reasoning_content = chunk.choices[0].delta.reasoning_content
    elif hasattr(chunk.choices[0].delta, "content"):
        content = chunk.choices[0].delta.content

    if reasoning_content is not None:
        if not printed_reasoning_content:
            printed_reasoning_content = True
            print("reasoning_content:", end="", flush=True)
        print(reasoning_content, end="", flush=True)
    elif content is not None:
        if not printed_content:
            printed_content = True
            print("\ncontent:", end="", flush=True)
        print(content, end="", flush=True)
print()
print(last)
