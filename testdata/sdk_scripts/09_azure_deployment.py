# Follows openai/openai-python examples/azure.py (AzureOpenAI with api_version + azure_endpoint,
# then azure_deployment), commit e43b422412a9e96c9cc5192c61fffbe2d7e04836.
import os

from openai import AzureOpenAI

api_version = "2024-10-21"

# gets the API Key from environment variable AZURE_OPENAI_API_KEY
client = AzureOpenAI(
    api_version=api_version,
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
)

completion = client.chat.completions.create(
    model="deployment-name",  # e.g. gpt-35-instant
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
)
print(completion.to_json())

deployment_client = AzureOpenAI(
    api_version=api_version,
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    azure_deployment="deployment-name",
)

completion = deployment_client.chat.completions.create(
    model="<ignored>",
    messages=[{"role": "user", "content": "How do I output all files in a directory using Python?"}],
)
print(completion.to_json())
print(completion.prompt_filter_results[0]["content_filter_results"]["hate"]["severity"])
