# Follows vllm-project/vllm examples/online_serving/openai_chat_completion_client_with_tools.py,
# commit 2466487104d4e5a1a34d125c113494a69675e56a (print whole completions and deltas; a dict
# message holding the SDK's tool-call objects; json.loads of the arguments).
import json
import os
from typing import Any

from openai import OpenAI

tools = [{
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather in a given location",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "The city, e.g. 'San Francisco'"},
                "state": {"type": "string", "description": "Two-letter state abbreviation, e.g. 'CA'"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["city", "state", "unit"],
        },
    },
}]

messages: list[Any] = [
    {"role": "user", "content": "Hi! How are you doing today?"},
    {"role": "assistant", "content": "I'm doing well! How can I help you?"},
    {"role": "user", "content": "Can you tell me what the temperate will be in Dallas, in fahrenheit?"},
]


def get_current_weather(city: str, state: str, unit: str) -> str:
    return ("The weather in Dallas, Texas is 85 degrees fahrenheit. It is "
            "partly cloudly, with highs in the 90's.")


def stream_tool_calls(client: OpenAI, model: str) -> list[Any]:
    chunks = []
    print("chunks: ")
    for chunk in client.chat.completions.create(messages=messages, model=model, tools=tools, stream=True):
        chunks.append(chunk)
        if chunk.choices[0].delta.tool_calls:
            print(chunk.choices[0].delta.tool_calls[0])
        else:
            print(chunk.choices[0].delta)
    return chunks


def streamed_arguments(chunks: list[Any]) -> list[str]:
    arguments: list[str] = []
    index = -1
    print("arguments: ")
    for chunk in chunks:
        calls = chunk.choices[0].delta.tool_calls
        if not calls:
            continue
        call = calls[0]
        if call.index != index:
            if index >= 0:
                print(f"streamed tool call arguments: {arguments[index]}")
            index = call.index
            arguments.append("")
        if call.id:
            print(f"streamed tool call id: {call.id} ")
        if call.function:
            if call.function.name:
                print(f"streamed tool call name: {call.function.name}")
            if call.function.arguments:
                arguments[index] += call.function.arguments
    return arguments


def main() -> None:
    client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY", "EMPTY"),
                    base_url=os.environ.get("OPENAI_BASE_URL", "http://localhost:8000/v1"))
    model = client.models.list().data[0].id

    chat_completion = client.chat.completions.create(messages=messages, model=model, tools=tools)
    print("-" * 70)
    print("Chat completion results:")
    print(chat_completion)
    print("-" * 70)

    chunks = stream_tool_calls(client, model)
    print("-" * 70)
    arguments = streamed_arguments(chunks)
    if arguments:
        print(f"streamed tool call arguments: {arguments[-1]}\n")
    print("-" * 70)

    messages.append({"role": "assistant", "tool_calls": chat_completion.choices[0].message.tool_calls})
    available_tools = {"get_current_weather": get_current_weather}
    for call in chat_completion.choices[0].message.tool_calls or []:
        args = json.loads(call.function.arguments)
        result = available_tools[call.function.name](**args)
        print("tool_to_call result: ", result)
        messages.append({"role": "tool", "content": result, "tool_call_id": call.id,
                         "name": call.function.name})

    chat_completion_2 = client.chat.completions.create(messages=messages, model=model, tools=tools,
                                                       stream=False)
    print("Chat completion2 results:")
    print(chat_completion_2)
    print("-" * 70)


if __name__ == "__main__":
    main()
