# Follows openai/openai-agents-python src/agents/models/openai_chatcompletions.py (get_response:
# json.dumps(message.model_dump(), indent=2), usage details .model_dump(), setting
# message.refusal on a content_filter answer, getattr(response, "error", None)),
# commit 027644f2037a32c5e0b5391dd185b33b647e09bd; synchronous client instead of AsyncOpenAI.
import json

from openai import OpenAI
from openai.types.chat import ChatCompletion, ChatCompletionMessage
from openai.types.chat.chat_completion import Choice

client = OpenAI()


def get_response(prompt: str) -> ChatCompletionMessage:
    response: ChatCompletion = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    if not response.choices:
        provider_error = getattr(response, "error", None)
        raise RuntimeError(f"no choices: {provider_error}")
    first_choice: Choice = response.choices[0]
    message = first_choice.message
    print("LLM resp:\n%s\n" % json.dumps(message.model_dump(), indent=2, ensure_ascii=False))
    if response.usage is not None:
        print({"input_tokens": response.usage.prompt_tokens,
               "output_tokens": response.usage.completion_tokens,
               "input_tokens_details": response.usage.prompt_tokens_details.model_dump()
               if response.usage.prompt_tokens_details else None,
               "output_tokens_details": response.usage.completion_tokens_details.model_dump()
               if response.usage.completion_tokens_details else None})
    if first_choice.finish_reason == "content_filter" and not message.content and not message.refusal:
        message.refusal = "Response withheld by the provider's content filter."
    print(response.id, hasattr(response, "id"), getattr(response, "error", None))
    return message


message = get_response("Say something filtered")
print(message)
print(message.model_dump_json())
message = get_response("Capital of France?")
print(message.model_dump(exclude_none=True))
print(message.model_dump_json(indent=2, exclude_unset=True))
