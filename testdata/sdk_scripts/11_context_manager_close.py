# Follows openai/openai-python README.md "Managing HTTP resources" (`with OpenAI() as client`,
# client.close()), commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
from openai import OpenAI

with OpenAI() as client:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Say hello"}],
    )
    print(completion)
    print(client.is_closed())
print(client.is_closed())

client = OpenAI()
completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Say bye"}],
)
print(completion.choices[0].message.content, completion.usage.total_tokens)
client.close()
print(client.is_closed())
