# Follows openai/openai-python README.md "`.with_streaming_response`",
# commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
import json

from openai import OpenAI

client = OpenAI()

with client.chat.completions.with_streaming_response.create(
    messages=[{"role": "user", "content": "Say this is a test"}],
    model="gpt-4o-mini",
) as response:
    print(response.headers.get("X-My-Header"))
    print(response.status_code, response.is_closed)

    for line in response.iter_lines():
        print(line)
print(response.is_closed)

with client.chat.completions.with_streaming_response.create(
    messages=[{"role": "user", "content": "Another one"}],
    model="gpt-4o-mini",
) as response:
    completion = response.parse()
    print(type(completion).__name__, completion.usage)
    print(json.loads(response.text())["choices"][0]["message"]["content"])
