# Follows openai/openai-cookbook examples/Deterministic_outputs_with_the_seed_parameter.ipynb
# (seed=..., system_fingerprint, usage arithmetic), commit 7313241a2b6ec16be11166520fa3f308813e1e0a.
from openai import OpenAI

client = OpenAI()
GPT_MODEL = "gpt-4o-mini"


def get_chat_response(system_message: str, user_request: str, seed: int | None = None, temperature: float = 0.7):
    messages = [{"role": "system", "content": system_message}, {"role": "user", "content": user_request}]
    response = client.chat.completions.create(model=GPT_MODEL, messages=messages, seed=seed,
                                              max_tokens=200, temperature=temperature)
    response_content = response.choices[0].message.content
    system_fingerprint = response.system_fingerprint
    prompt_tokens = response.usage.prompt_tokens
    completion_tokens = response.usage.total_tokens - response.usage.prompt_tokens
    print(f"Response: {response_content}")
    print(f"System fingerprint: {system_fingerprint}")
    print(f"Number of prompt tokens: {prompt_tokens}")
    print(f"Number of completion tokens: {completion_tokens}")
    return response


SEED = 123
responses = [get_chat_response("You are a helpful assistant.", "Generate a short excerpt of news about a journey to Mars.",
                               seed=SEED, temperature=0) for _ in range(2)]
print(responses[0].system_fingerprint == responses[1].system_fingerprint)
print([r.id for r in responses])
