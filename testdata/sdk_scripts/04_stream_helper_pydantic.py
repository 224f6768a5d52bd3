# Follows openai/openai-python examples/parsing_stream.py (stream() with a pydantic
# response_format), commit e43b422412a9e96c9cc5192c61fffbe2d7e04836; rich.print -> print.
from typing import List

from pydantic import BaseModel

from openai import OpenAI


class Step(BaseModel):
    explanation: str
    output: str


class MathResponse(BaseModel):
    steps: List[Step]
    final_answer: str


client = OpenAI()

with client.chat.completions.stream(
    model="gpt-4o-2024-08-06",
    messages=[
        {"role": "system", "content": "You are a helpful math tutor."},
        {"role": "user", "content": "solve 8x + 31 = 2"},
    ],
    response_format=MathResponse,
) as stream:
    for event in stream:
        if event.type == "content.delta":
            print(event.delta, end="", flush=True)
            if event.parsed is not None:
                print(" ->", sorted(event.parsed), flush=True)
        elif event.type == "content.done":
            print("\n")
            if event.parsed is not None:
                print(f"answer: {event.parsed.final_answer}")
        elif event.type == "refusal.delta":
            print(event.delta, end="", flush=True)
        elif event.type == "refusal.done":
            print()

print("---------------")
final = stream.get_final_completion()
print(final)
print(type(final.choices[0].message.parsed).__name__, final.choices[0].message.parsed)
