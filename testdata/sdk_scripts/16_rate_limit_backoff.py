# Follows openai/openai-cookbook examples/How_to_handle_rate_limits.ipynb ("Example #3: Manual
# backoff implementation": a retry_with_exponential_backoff decorator catching
# openai.RateLimitError), commit a6bb84cc8692ac41bda4ebb13e7794bbb6334394.
import random
import time

import openai
from openai import OpenAI

client = OpenAI(max_retries=0)


def retry_with_exponential_backoff(func, initial_delay: float = 1, exponential_base: float = 2,
                                   jitter: bool = True, max_retries: int = 10,
                                   errors: tuple = (openai.RateLimitError,)):
    def wrapper(*args, **kwargs):
        num_retries = 0
        delay = initial_delay
        while True:
            try:
                return func(*args, **kwargs)
            except errors as e:
                print(f"{type(e).__name__}: {e}")
                print(e.status_code, e.code, e.type, e.param, e.request_id)
                print(e.message)
                print(e.body)
                print(e.response.headers.get("x-ratelimit-remaining-tokens"),
                      e.response.headers.get("retry-after"))
                num_retries += 1
                if num_retries > max_retries:
                    raise Exception(f"Maximum number of retries ({max_retries}) exceeded.")
                delay *= exponential_base * (1 + jitter * random.random())
                time.sleep(delay)
            except Exception as e:
                raise e
    return wrapper


@retry_with_exponential_backoff
def completions_with_backoff(**kwargs):
    return client.chat.completions.create(**kwargs)


completion = completions_with_backoff(model="gpt-4o-mini",
                                      messages=[{"role": "user", "content": "Once upon a time,"}])
print(completion.choices[0].message.content)
print(completion.usage)
