# Follows openai/openai-python examples/streaming.py (next(stream), then .to_json() of every item)
# and README.md "Pydantic models ... to_json() / to_dict()", commit e43b422412a9e96c9cc5192c61fffbe2d7e04836;
# chat completions instead of the legacy completions endpoint.
from openai import OpenAI

client = OpenAI()
response = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Say hello"}],
    stream=True,
)

first = next(response)
print(f"got response data: {first.to_json()}")
for data in response:
    print(data.to_json(indent=None))

completion = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Say hello"}])
print(completion.to_dict())
print(completion.to_dict(exclude_unset=False)["choices"][0]["message"])
print(completion.usage.to_json())
print(completion.model_dump_json())
print(completion.choices[0].message.model_dump(mode="json"))
