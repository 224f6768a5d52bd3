# Follows openai/openai-python examples/azure_ad.py (AzureOpenAI with azure_ad_token_provider),
# commit e43b422412a9e96c9cc5192c61fffbe2d7e04836; azure.identity's provider replaced by a function.
import os

from openai import AzureOpenAI

api_version = "2024-10-21"
endpoint = os.environ["AZURE_OPENAI_ENDPOINT"]
deployment_name = "gpt-4o"


def token_provider() -> str:
    # get_bearer_token_provider(DefaultAzureCredential(), scopes) returns such a callable
    return "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-token"


client = AzureOpenAI(
    api_version=api_version,
    azure_endpoint=endpoint,
    azure_ad_token_provider=token_provider,
)

completion = client.chat.completions.create(
    model=deployment_name,
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
)

print(completion.to_json())
