# Follows openai/simple-evals sampler/chat_completion_sampler.py (ChatCompletionSampler: default
# OpenAI() client, print("Bad Request Error", e), backoff printing the exception, usage kept as
# metadata), commit 02e06b5017b03ba51808ad52803e34a06da34a56.
import time
from typing import Any

import openai
from openai import OpenAI


class ChatCompletionSampler:
    def __init__(self, model: str = "gpt-4o-mini", system_message: str | None = None,
                 temperature: float = 0.5, max_tokens: int = 1024):
        self.client = OpenAI()
        self.model = model
        self.system_message = system_message
        self.temperature = temperature
        self.max_tokens = max_tokens

    def _pack_message(self, role: str, content: Any) -> dict:
        return {"role": str(role), "content": content}

    def __call__(self, message_list: list) -> dict:
        if self.system_message:
            message_list = [self._pack_message("system", self.system_message)] + message_list
        trial = 0
        while True:
            try:
                response = self.client.chat.completions.create(
                    model=self.model, messages=message_list,
                    temperature=self.temperature, max_tokens=self.max_tokens)
                content = response.choices[0].message.content
                if content is None:
                    raise ValueError("OpenAI API returned empty response; retrying")
                return {"response_text": content, "response_metadata": {"usage": response.usage}}
            except openai.BadRequestError as e:
                print("Bad Request Error", e)
                return {"response_text": "No response (bad request).",
                        "response_metadata": {"usage": None}}
            except Exception as e:
                exception_backoff = 2**trial
                print(f"Rate limit exception so wait and retry {trial} after {exception_backoff} sec", e)
                time.sleep(exception_backoff)
                trial += 1


sampler = ChatCompletionSampler(system_message="You are a helpful assistant.")
result = sampler([sampler._pack_message("user", "What is 6 x 7?")])
print(result["response_text"])
print(result["response_metadata"])
result = sampler([sampler._pack_message("user", "x" * 100)])
print(result)
