# Follows openai/openai-python README.md "Accessing raw response data (e.g. headers)" and
# examples/demo.py ("custom response headers test"), commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
from openai import OpenAI

client = OpenAI()

response = client.chat.completions.with_raw_response.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Say this is a test"}],
)
print(response.headers.get("x-request-id"))
print(response.headers.get("x-ratelimit-remaining-tokens"))
print(response.status_code, response.http_response.status_code, response.request_id)
print(response.retries_taken, response.method, response.url.path, type(response.elapsed).__name__)

completion = response.parse()  # the object `chat.completions.create()` would have returned
print(completion)
print(completion.choices[0].message.content)
