# Follows openai/openai-python README.md "Retries" and "Timeouts" (with_options, httpx2.Timeout),
# commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
import httpx2

from openai import OpenAI

# Configure the default for all requests:
client = OpenAI(
    # default is 2
    max_retries=0,
    # More granular control:
    timeout=httpx2.Timeout(60.0, read=5.0, write=10.0, connect=2.0),
)
print(client.max_retries, client.timeout)

# Or, configure per-request:
completion = client.with_options(max_retries=5).chat.completions.create(
    messages=[{"role": "user", "content": "How can I get the name of the current day in JavaScript?"}],
    model="gpt-4o-mini",
)
print(completion.choices[0].message.content)

fast = client.with_options(timeout=5.0)
print(fast.timeout, fast.max_retries, client.max_retries)
completion = fast.chat.completions.create(
    messages=[{"role": "user", "content": "How can I list all files in a directory using Python?"}],
    model="gpt-4o-mini",
)
print(completion.choices[0].message.content)
