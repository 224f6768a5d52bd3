# Follows openai/openai-python helpers.md "Chat Completions API" streaming helpers
# (client.chat.completions.stream, events, get_final_completion),
# commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
from openai import OpenAI

client = OpenAI()

with client.chat.completions.stream(
    model="gpt-4o-2024-08-06",
    messages=[{"role": "user", "content": "Tell me a one-line joke"}],
    stream_options={"include_usage": True},
) as stream:
    for event in stream:
        print(event.type)
        if event.type == "content.delta":
            print(repr(event.delta), repr(event.snapshot))
        elif event.type == "content.done":
            print("done:", event.content)
        elif event.type == "chunk":
            print(event.chunk.id, len(event.chunk.choices), event.snapshot.choices[0].message.content)

completion = stream.get_final_completion()
print(completion)
print(completion.choices[0].message.content)
print(completion.usage)
