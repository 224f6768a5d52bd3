# Follows openai/openai-cookbook examples/Using_logprobs.ipynb (get_completion with logprobs=True,
# top_logprobs=2; linear probabilities from logprob.logprob), commit 0908c2436ce1e551eb40fd2188cd6ffd74118545.
import math

from openai import OpenAI

client = OpenAI()


def get_completion(messages, model="gpt-4o-mini", max_tokens=500, temperature=0,
                   stop=None, seed=123, tools=None, logprobs=None, top_logprobs=None):
    params = {"model": model, "messages": messages, "max_tokens": max_tokens,
              "temperature": temperature, "stop": stop, "seed": seed,
              "logprobs": logprobs, "top_logprobs": top_logprobs}
    if tools:
        params["tools"] = tools
    return client.chat.completions.create(**params)


CLASSIFICATION_PROMPT = "Classify the sentiment of this headline as Positive, Neutral or Negative: {headline}"
headline = "Tech Giant Unveils Latest Smartphone Model with Advanced Photo-Editing Features."
API_RESPONSE = get_completion([{"role": "user", "content": CLASSIFICATION_PROMPT.format(headline=headline)}],
                              model="gpt-4o-mini", logprobs=True, top_logprobs=2)
top_two_logprobs = API_RESPONSE.choices[0].logprobs.content[0].top_logprobs
for i, logprob in enumerate(top_two_logprobs, start=1):
    print(f"Output token {i}: {logprob.token}, logprobs: {logprob.logprob}, "
          f"linear probability: {round(math.exp(logprob.logprob) * 100, 2)}%")
print(API_RESPONSE.choices[0].logprobs)
print(API_RESPONSE.choices[0].logprobs.content[0])
print(sum(t.logprob for t in API_RESPONSE.choices[0].logprobs.content))
