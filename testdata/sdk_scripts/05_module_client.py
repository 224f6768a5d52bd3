# Follows openai/openai-python examples/module_client.py (module-level client, openai.api_key),
# commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
import os

import openai

# the module-level client reads OPENAI_API_KEY itself; scripts often set it explicitly
openai.api_key = os.environ["OPENAI_API_KEY"]
openai.default_headers = {"x-foo": "true"}

stream = openai.chat.completions.create(
    model="gpt-4",
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
    stream=True,
)

for chunk in stream:
    print(chunk.choices[0].delta.content or "", end="", flush=True)

print()

completion = openai.chat.completions.create(
    model="gpt-4",
    messages=[{"role": "user", "content": "Show me the code."}],
)
print(completion.choices[0].message)
print(openai.api_key == os.environ["OPENAI_API_KEY"], openai.max_retries)
