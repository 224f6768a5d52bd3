# Follows openai/openai-cookbook examples/How_to_stream_completions.ipynb (print each whole chunk;
# stream_options={"include_usage": True} and the final chunk with empty choices),
# commit d2bb606c4eb7a3042ef39bd66971d5ccc2763ce3; the timing prints are left out.
from openai import OpenAI

client = OpenAI()

response = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Count to 3, with a comma between each number and no newlines."}],
    temperature=0,
    stream=True,
    stream_options={"include_usage": True},
)

collected_messages = []
for chunk in response:
    print(chunk)
    if chunk.choices:
        print(chunk.choices[0].delta)
        collected_messages.append(chunk.choices[0].delta.content)
    else:
        print(f"usage: {chunk.usage}")

collected_messages = [m for m in collected_messages if m is not None]
print(f"Full conversation received: {''.join(collected_messages)}")
