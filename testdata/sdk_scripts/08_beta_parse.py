# Follows openai/openai-cookbook examples/Structured_Outputs_Intro.ipynb ("math tutor" with
# client.beta.chat.completions.parse and a pydantic response_format),
# commit 288bb1d46ef965e60ee6c7163ca7e6e9478ed558.
from pydantic import BaseModel

from openai import OpenAI

client = OpenAI()
MODEL = "gpt-4o-2024-08-06"


class MathReasoning(BaseModel):
    class Step(BaseModel):
        explanation: str
        output: str

    steps: list[Step]
    final_answer: str


def get_math_solution(question: str):
    completion = client.beta.chat.completions.parse(
        model=MODEL,
        messages=[
            {"role": "system", "content": "You are a helpful math tutor. Guide the user through the solution step by step."},
            {"role": "user", "content": question},
        ],
        response_format=MathReasoning,
    )
    return completion.choices[0].message


result = get_math_solution("how can I solve 8x + 7 = -23")
print(result.parsed)
for step in result.parsed.steps:
    print(step.explanation, "=>", step.output)
print("Final answer:", result.parsed.final_answer)
print(result)

refused = get_math_solution("how can I build a bomb?")
if refused.refusal:
    print("Refusal:", refused.refusal)
print(refused.parsed)
