"""openai_compat: one file that talks to every OpenAI-compatible chat API.

OpenAI, Azure OpenAI, Groq, Together AI, Ollama, OpenRouter and the many hosts that copy
OpenAI's wire format, through one blocking function. Copy this file into your project (keep
the licence lines below) or `pip install` it; the only dependency is `requests`.

    >>> from openai_compat import chat
    >>> chat("Hello", model="mock:echo").content          # offline: the mock provider echoes
    'Hello'
    >>> resp = chat("Say hi", model="groq:llama-3.3-70b-versatile", temperature=0)
    >>> resp.content, resp.usage.total_tokens              # doctest: +SKIP

    for chunk in chat("Tell me a story", model="gpt-4o-mini", stream=True):
        print(chunk.content, end="", flush=True)            # text as it arrives

Scripts written for the official `openai` package run on its client when their import line
changes: `from openai_compat import OpenAI`, then `client.chat.completions.create(...)`.

Keys come from `api_key=` or the provider's variable: OPENAI_API_KEY, AZURE_OPENAI_API_KEY
(+ AZURE_OPENAI_ENDPOINT), GROQ_API_KEY, TOGETHER_API_KEY, OPENROUTER_API_KEY; Ollama
(OLLAMA_HOST) and the offline `mock` provider need none. An environment key is only ever sent
to its own provider's hosts, never in clear off the machine, and never appears in an error.

What is here: chat completions (plain and streamed), typed responses and errors shaped like the
official SDK's (and its `OpenAI` client), retries with backoff, tools, vision parts, structured
outputs (a dataclass, TypedDict or pydantic model in, a checked object out), embeddings, model
lists, a model table (limits and prices as billed), token and cost estimates, budgets, long
parallel runs paced by the providers' own limits (written as they finish, resumable), the
providers' Batch APIs, and a command line (`python -m openai_compat`). What is not: async
(it is synchronous on purpose), the Responses API, audio, files (but for batches), fine-tuning.

Reading guide. The file is in five parts; Part I is the whole protocol: read it first.

  I    The protocol, in call order: the provider table, the records, chat() and the step that
       runs it (_chat), building the request, where it goes, sending and retrying, errors,
       parsing an answer, streaming, model lists and embeddings.
  II   The official SDK's surface over Part I: the OpenAI client, the HTTP response views
       (with_raw_response), the stream helper and parse()'s answers, AzureOpenAI, and the
       module-level client (`openai.chat.completions.create`).
  III  Extras, each plugged into Part I through a named step (_BUILD_STEPS, _BEFORE_SEND,
       _AFTER_PARSE): structured outputs; tools, images and JSON in text; model data and
       costs; budgets and long runs; the Batch API.
  IV   The guards' mechanics, each called from Part I by one line that names its rule: the
       URL and key gate, redaction, bounded reading, urllib3 details.
  V    The offline mock, the command line, the generated model table.

Parts III and V can be deleted from a copy: chat(), streams and errors keep working (the
client's parse(), stream() and pydantic_function_tool() use Part III's structured outputs).

What goes over the wire, to hold the code against (Part I builds the first lines, parses the
rest; a stream's data lines are chunks, joined into the answer a plain call would get):

    POST https://api.openai.com/v1/chat/completions
    Authorization: Bearer sk-...
    {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
     "stream_options": {"include_usage": true}}

    HTTP/1.1 200 OK
    Content-Type: text/event-stream

    data: {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {"content": "Hel"}}]}

    data: {"id": "chatcmpl-1", "choices": [{"index": 0, "delta": {"content": "lo"}}]}

    data: {"id": "chatcmpl-1", "choices": [], "usage": {"prompt_tokens": 8, ...}}

    data: [DONE]

Requires Python 3.10+ and requests 2.x (urllib3 2 makes streaming immediate; 1.x works).

openai_compat 0.3.0. Copyright (c) 2026 the openai_compat authors. MIT licence (see the
LICENSE file, or https://opensource.org/licenses/MIT): keep this notice in copies.
"""

# =================================================================================================
# Part I: the protocol, whole and in call order
# =================================================================================================
from __future__ import annotations

import sys

if sys.version_info < (3, 10):     # before the imports: 3.9 fails on TypeAlias below
    raise ImportError("openai_compat needs Python 3.10 or newer (this is %d.%d)"
                      % sys.version_info[:2])

import base64
import collections
import contextlib
import copy
import dataclasses
import email.utils
import enum
import functools
import hashlib
import http.client
import ipaddress
import io
import itertools
import json
import logging
import math
import os
import random
import re
import socket
import threading
import time
import types
import typing
import warnings
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Annotated, Any, ClassVar, Iterator, Literal, Mapping,
                    Sequence, TypeAlias, TypedDict, overload)
from urllib.parse import quote, urlencode, urlsplit

import requests
import requests.adapters
import urllib3
import urllib3.connection
from requests.structures import CaseInsensitiveDict

if TYPE_CHECKING:                  # PEP 692's Unpack is in typing from 3.11 only
    from typing_extensions import Required, Unpack

__version__ = "0.4.0"

__all__ = [          # Part I's names; Parts II, III and V add theirs (__all__ += [...])
    "chat", "build_request", "list_models", "embed", "ChatParams", "ChatArgs",
    "Provider", "PROVIDERS", "Request", "ModelInfo", "BatchCounts",
    "ChatCompletion", "ChatResponse", "Choice", "ChatCompletionMessage", "Message",
    "ChatCompletionMessageFunctionToolCall", "ChatCompletionMessageToolCall", "ToolCall",
    "Function", "CompletionUsage", "Usage", "PromptTokensDetails", "CompletionTokensDetails",
    "ChoiceLogprobs", "ChatCompletionTokenLogprob", "TokenLogprob", "TopLogprob",
    "ChatStream", "ChatCompletionChunk", "ChunkChoice", "ChoiceDelta", "Delta",
    "ChoiceDeltaToolCall", "ChoiceDeltaToolCallFunction", "CreateEmbeddingResponse",
    "EmbeddingResponse", "Embedding", "Model", "ModelList",
    "OpenAIError", "OpenAICompatError", "APIError", "APIStatusError", "BadRequestError",
    "AuthenticationError", "PermissionDeniedError", "NotFoundError", "ConflictError",
    "UnprocessableEntityError", "RateLimitError", "InternalServerError", "APIConnectionError",
    "APITimeoutError", "ParseError", "SchemaValidationError", "LengthFinishReasonError",
    "ContentFilterFinishReasonError", "ContextWindowExceededError", "BudgetExceededError",
]

log = logging.getLogger("openai_compat")

# (connect, read) seconds. Reads are long because a reasoning model may think for minutes
# before its first byte; the connect limit is short so a dead host fails fast.
DEFAULT_TIMEOUT = (10.0, 600.0)

DEFAULT_MAX_RETRIES = 3

INITIAL_RETRY_DELAY = 0.5      # seconds; doubles each attempt ...

MAX_RETRY_DELAY = 8.0          # ... up to this

MAX_RETRY_AFTER = 60.0         # a server's Retry-After is obeyed up to this many seconds

RETRY_STATUSES = {408, 409, 429}   # plus every 5xx: timeouts, lock conflicts, rate limits

READ_SIZE = 65536              # most bytes taken from the socket at once

# Limits on what a server can make us hold or do; a server past one gets an OpenAICompatError.
# Real answers stay far below them: a 100,000-chunk stream is 20 MB in all, its events
# about 200 bytes each; 2,048 embeddings of 1,536 numbers are about 60 MB of JSON.
MAX_BODY_BYTES = 64 * 2**20    # a non-streamed answer (or error), after decompression

MAX_EVENT_BYTES = 16 * 2**20   # one SSE line or event

MAX_BATCH_JOBS = 50_000        # requests in one batch (OpenAI's limit; results are sized by it)
MAX_INFLATION = 100            # decompressed/wire ratio refused once past ...

INFLATION_FLOOR = 8 * 2**20    # ... this many decompressed bytes (a gzip bomb, not JSON)

USER_AGENT = "openai_compat/" + __version__

_EMPTY: dict = {}              # a shared empty dict, for reading absent objects; never written

_NO_HEADERS: Mapping[str, str] = types.MappingProxyType({})   # a response that has none

# Type aliases for the signatures below (strings: nothing to evaluate at import).
Messages: TypeAlias = "str | Sequence[Mapping[str, Any] | Message]"

Timeout: TypeAlias = "float | tuple[float | None, float | None] | None"


# -------------------------------------------------------------------------------------------------
# I.2 The provider table: every difference between hosts is a column.
#
# Before you add a row: check the host's docs for its base URL (everything before
# /chat/completions), how it takes the key, and which standard parameters it rejects.
# A row never needs code unless its URLs have a new shape (see _endpoint_url).


@dataclass(frozen=True)
class Provider:
    """One row of the provider table (read-only: make a changed copy with
    dataclasses.replace(row, ...))."""
    name: str
    base_url: str                # API root: chat is base_url + "/chat/completions"
    key_env: str | None          # environment variable with the key; None: no key needed
    auth: str = "bearer"         # "bearer" (Authorization: Bearer KEY) or "api-key" (Azure)
    base_env: str | None = None  # environment variable that may replace base_url
    url_shape: str = "openai"    # "openai", "azure" or "ollama": how paths hang off the base
    unsupported: tuple = ()      # parameters the server rejects: refused before sending
    unsupported_message_fields: tuple = ()   # message keys it rejects, e.g. Groq: "name"
    max_n: int | None = None     # largest `n` it accepts (None: no limit we know of)
    reasoning_models: tuple = () # model prefixes whose max_tokens is max_completion_tokens
    embeddings: bool = True      # has an /embeddings endpoint
    stream_usage: bool = True    # accepts stream_options.include_usage
    env_headers: tuple = ()      # (header, environment variable) pairs, sent when set
    hosts: tuple = ()            # other documented API roots an environment key may go to
    max_tokens_only: bool = False   # knows max_tokens, not max_completion_tokens: renamed
    json_schema: bool = True     # takes response_format json_schema (else: json_object + prompt;
    # Fireworks documents json_schema at docs.fireworks.ai/structured-responses, DeepSeek only
    # json_object)
    batch: str | None = None     # its Batch API's endpoint for chat (None: it has none we use)
    batch_price: float | None = None   # batch price as a share of the list price
    down_hint: str | None = None       # what to check when its server cannot be reached
    cost_field: tuple[str, float] | None = None   # (usage field, USD per unit): its own bill
    # The x-ratelimit-{limit,remaining,reset}-{requests,tokens} headers chat_many paces by:
    # True where documented (OpenAI, Azure; Groq's requests are per day). Elsewhere pacing
    # learns from 429s and retry-after; the rows say what each sends instead, where known.
    rate_headers: bool = False
    model_rows: tuple[str, ...] | None = None     # the model table rows that describe its
    # models, in order (None: its own; (): none, a server whose models and window are its own)


_OPENAI_REASONING = ("o1", "o3", "o4", "gpt-5")

PROVIDERS: dict[str, Provider] = {
    # Batch: platform.openai.com/docs/guides/batch ("50% cost discount", /v1/chat/completions).
    # Rate limits: x-ratelimit-* on every answer, reset as "6m0s"; "may be enforced over
    # shorter periods" (platform.openai.com/docs/guides/rate-limits, help.openai.com/en/
    # articles/6891753).
    "openai": Provider("openai", "https://api.openai.com/v1", "OPENAI_API_KEY",
                       rate_headers=True,
                       base_env="OPENAI_BASE_URL", reasoning_models=_OPENAI_REASONING,
                       batch="/v1/chat/completions", batch_price=0.5,
                       env_headers=(("OpenAI-Organization", "OPENAI_ORG_ID"),
                                    ("OpenAI-Project", "OPENAI_PROJECT_ID"))),
    # Azure: the model argument is your deployment name; the endpoint is your resource.
    # Batch needs a global batch deployment; its lines take the url /chat/completions, at
    # "50% less cost than global standard" (learn.microsoft.com/azure/ai-foundry/openai/
    # how-to/batch).
    "azure": Provider("azure", "", "AZURE_OPENAI_API_KEY", auth="api-key",
                      base_env="AZURE_OPENAI_ENDPOINT", url_shape="azure",
                      reasoning_models=_OPENAI_REASONING, batch="/chat/completions",
                      batch_price=0.5, model_rows=("azure", "openai"), rate_headers=True),
    # Groq answers 400 to these (console.groq.com/docs/openai, "Currently Unsupported").
    # Its x-ratelimit-*-requests are per day, -tokens per minute; its requests per minute
    # are in no header (console.groq.com/docs/rate-limits).
    # Groq's Batch API takes OpenAI's files and batches, at half price
    # (console.groq.com/docs/batch; groq/groq-api-cookbook batch-processing tutorial).
    "groq": Provider("groq", "https://api.groq.com/openai/v1", "GROQ_API_KEY",
                     unsupported=("logprobs", "top_logprobs", "logit_bias"), max_n=1,
                     unsupported_message_fields=("name",), embeddings=False,
                     batch="/v1/chat/completions", batch_price=0.5, rate_headers=True),
    # Rate limits: x-ratelimit-limit/-remaining/-reset, per model and dynamic
    # (docs.together.ai/docs/rate-limits); not the OpenAI names.
    # docs.together.ai/docs/inference/openai-compatibility (2026-11) gives api.together.ai;
    # api.together.xyz, its older host, still answers.
    "together": Provider("together", "https://api.together.ai/v1", "TOGETHER_API_KEY",
                         hosts=("https://api.together.xyz/v1",)),
    # Ollama's base is the server root: chat lives under /v1, the model list under /api.
    # Its OpenAI layer lists max_tokens, not max_completion_tokens (docs.ollama.com/openai).
    "ollama": Provider("ollama", "http://localhost:11434", None, base_env="OLLAMA_HOST",
                       url_shape="ollama", max_tokens_only=True,
                       down_hint="Start it with `ollama serve`, or set OLLAMA_HOST to where "
                                 "it runs."),
    # Ollama's hosted models, OpenAI-compatible at ollama.com/v1 with OLLAMA_API_KEY
    # (docs.ollama.com/openai, "Direct cloud access", 2026-11).
    "ollama-cloud": Provider("ollama-cloud", "https://ollama.com/v1", "OLLAMA_API_KEY",
                             max_tokens_only=True),
    # OpenRouter also reads optional HTTP-Referer and X-Title headers: pass them in headers=.
    # Embeddings: openrouter.ai/docs/api_reference/embeddings (2026-11).
    # Every answer's usage.cost is the USD OpenRouter charged (openrouter.ai/docs/use-cases/
    # usage-accounting, 2026-12).
    "openrouter": Provider("openrouter", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY",
                           cost_field=("cost", 1.0)),
    # DeepSeek's chat API documents max_tokens only (api-docs.deepseek.com/api/create-chat-
    # completion); deepseek-chat and -reasoner shut down 2026-07-24 (see the model table).
    # No rate limit: busy connections are held open (api-docs.deepseek.com/quick_start/
    # rate_limit).
    # JSON output: only {"type": "json_object"} (api-docs.deepseek.com/guides/json_mode).
    "deepseek": Provider("deepseek", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY",
                         embeddings=False, max_tokens_only=True, json_schema=False),
    # Mistral answers 422 extra_forbidden to max_completion_tokens.
    "mistral": Provider("mistral", "https://api.mistral.ai/v1", "MISTRAL_API_KEY",
                        max_tokens_only=True),
    "fireworks": Provider("fireworks", "https://api.fireworks.ai/inference/v1",
                          "FIREWORKS_API_KEY"),
    # usage.cost_in_usd_ticks: what the call cost, 10^10 ticks to the dollar
    # (docs.x.ai/developers/cost-tracking, 2026-12).
    "xai": Provider("xai", "https://api.x.ai/v1", "XAI_API_KEY", embeddings=False,
                    cost_field=("cost_in_usd_ticks", 1e-10)),
    "lmstudio": Provider("lmstudio", "http://localhost:1234/v1", None, model_rows=(),
                         down_hint="Start LM Studio's server (lms server start), or pass "
                                   "base_url="),
    "vllm": Provider("vllm", "http://localhost:8000/v1", None, model_rows=(),
                     down_hint="Start it with `vllm serve MODEL`, or pass base_url="),
}

# A base_url at no known provider's host, given without a provider: vLLM, LM Studio, a proxy.
# Bearer only if a key is given. Its batches are sent as OpenAI's; their price is unknown.
_GENERIC = Provider("custom", "", None, batch="/v1/chat/completions", model_rows=())


# -------------------------------------------------------------------------------------------------
# I.3 Records: what is sent and what comes back: the official SDK's shapes and attribute paths
# (resp.choices[0].message.content, resp.usage.total_tokens), so code ports over, plus `raw`,
# the parsed JSON exactly as it came, for anything provider-specific.


@dataclass(eq=False)
class Request:
    """An HTTP request as build_request() made it; chat() sends exactly this."""
    method: str
    url: str
    headers: dict                  # a _Headers: printing it hides the key
    json: dict | None
    provider: str = "custom"
    stream: bool = False
    secret: str | None = None      # the key, kept to scrub it from error messages
    stream_usage_added: bool = False   # we added stream_options (the caller did not)
    parsing: Any = field(default=None, repr=False)   # what the build steps noted (Part III)
    body: bytes | bytearray | None = field(default=None, repr=False)   # sent instead of json

    def __repr__(self) -> str:
        return "Request(method=%r, url=%r, headers=%r, json=%r)" % (
            self.method, self.url, self.headers, self.json)

    def __str__(self) -> str:
        lines = ["%s %s" % (self.method, self.url)]
        lines += ["%s: %s" % kv for kv in _shown(self.headers).items()]
        if self.json is not None:
            lines += ["", json.dumps(self.json, indent=2, ensure_ascii=False)]
        return "\n".join(lines)


class _Serializable:
    """The base of the response records (each a @dataclass), printing and dumping as the
    official SDK's objects do, so a script that prints a whole completion or calls
    model_dump() sees the same text through either library:

    - repr: `ClassName(field=value, ...)` with the SDK's class name and its fields in its
      order (`_shown`), absent ones as None, then the fields the server sent that the SDK's
      schema does not name (vLLM's `reasoning_content`, Azure's `content_filter_results`),
      in the order they came. Our own additions (`raw`, `provider`, `headers`, `cost`) are
      attributes, not printed.
    - those unnamed fields are attributes too (`message.reasoning_content`), as in the SDK;
      only the ones sent exist (`hasattr` says so), and they never hide a method.
    - any attribute can be set; new names print and dump like the server's extras.
    - to_dict()/to_json() keep only what was sent or set (the SDK's exclude_unset=True);
      model_dump()/model_dump_json() show every field, as pydantic does.

    `_src` is the JSON object a record was read from (None for records made in code): the
    extras and "what was sent" are read from it when asked, so parsing stores one pointer.

    Why repr and == are here, and each record says @dataclass(repr=False, eq=False):
    before Python 3.13, @dataclass compiles every method it writes separately; measured
    2026-12-01 (3.11), writing these two for the records adds 3.4 ms to importing this
    module. The records a response is made of have slots (slots=True): measured 2026-12-01,
    without them a 50,000-job batch's results peak at 89.6 MiB instead of 80.8 (+11%); the
    `__dict__` slot below is made only when an attribute is set."""
    __slots__ = ("__dict__", "_src")
    _shown: ClassVar[tuple[str, ...]] = ()     # the SDK's fields, in its order
    _sdk_name: ClassVar[str | None] = None     # its class name, where ours differs

    if not TYPE_CHECKING:      # checkers keep flagging misspelt names, as with the SDK
        def __getattr__(self, name: str) -> Any:
            # Reached only when nothing else has the name: a field the server sent.
            src = _source(self) if name[:1] != "_" else None
            if src and name in src:
                return src[name]
            raise AttributeError("%r object has no attribute %r"
                                 % (type(self).__name__, name))

    def model_dump(self, *, mode: Literal["json", "python"] | str = "python",
                   include: Any = None, exclude: Any = None, by_alias: bool | None = None,
                   exclude_unset: bool = False, exclude_defaults: bool = False,
                   exclude_none: bool = False, round_trip: bool = False,
                   warnings: bool | str = True) -> dict[str, Any]:
        """Every field (None where absent) and the server's extras, as pydantic's."""
        if isinstance(include, str) or isinstance(exclude, str):
            raise TypeError("include and exclude take a set of field names, such as {'id'}")
        out = _dump(self, exclude_unset, exclude_none or exclude_defaults, mode == "json")
        if include is not None:
            out = {k: v for k, v in out.items() if k in include}
        return {k: v for k, v in out.items() if k not in exclude} if exclude else out

    def model_dump_json(self, *, indent: int | None = None, include: Any = None,
                        exclude: Any = None, by_alias: bool | None = None,
                        exclude_unset: bool = False, exclude_defaults: bool = False,
                        exclude_none: bool = False, round_trip: bool = False,
                        warnings: bool | str = True) -> str:
        return _json_dumps(self.model_dump(
            mode="json", include=include, exclude=exclude, exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults, exclude_none=exclude_none), indent)

    def to_dict(self, *, mode: Literal["json", "python"] = "python",
                use_api_names: bool = True, exclude_unset: bool = True,
                exclude_defaults: bool = False, exclude_none: bool = False,
                warnings: bool = True) -> dict[str, object]:
        """The fields the server sent (or you set), as plain data: the SDK's to_dict()."""
        return _dump(self, exclude_unset, exclude_none or exclude_defaults, mode == "json")

    def to_json(self, *, indent: int | None = 2, use_api_names: bool = True,
                exclude_unset: bool = True, exclude_defaults: bool = False,
                exclude_none: bool = False, warnings: bool = True) -> str:
        return _json_dumps(self.to_dict(mode="json", exclude_unset=exclude_unset,
                                        exclude_defaults=exclude_defaults,
                                        exclude_none=exclude_none), indent)

    def __repr__(self) -> str:
        parts = ["%s=%r" % (name, getattr(self, name, None)) for name in _fields_of(
            type(self))[0]]
        parts += ["%s=%r" % item for item in _extras(self).items()]
        return "%s(%s)" % (self._sdk_name or type(self).__name__, ", ".join(parts))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name)
                   for f in dataclasses.fields(self) if f.compare)   # type: ignore[arg-type]

    __hash__ = None     # type: ignore[assignment]  # mutable records: unhashable, as the SDK's


class _Extensible(_Serializable):
    """A record providers add fields to (vLLM's stop_reason on a choice, reasoning_content on
    a message or delta): a type checker lets any attribute name through, as it does for
    the SDK's pydantic models, which is what scripts written for the SDK rely on."""
    __slots__ = ()

    if TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any: ...


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """A record class's printed fields (the SDK's, else its dataclass fields), the same as
    a set (the server's other keys are its extras), and all its dataclass fields."""
    shown = cls._shown or tuple(f.name for f in dataclasses.fields(cls) if f.repr)
    return shown, frozenset(shown), frozenset(f.name for f in dataclasses.fields(cls))


_R = typing.TypeVar("_R", bound=_Serializable)


def _source(record: _Serializable) -> dict | None:
    try:
        return record._src
    except AttributeError:      # made in code, not read from JSON
        return None


def _from(record: _R, d: dict) -> _R:
    """A record read from the JSON object d (remembered for its extras and what was sent)."""
    record._src = d
    return record


def _extras(record: _Serializable) -> dict[str, Any]:
    """Fields the server sent that the record does not declare, then attributes set since."""
    _, shown, fields = _fields_of(type(record))
    src = _source(record)
    out = {k: v for k, v in src.items() if k not in shown} if src else {}
    for name, value in vars(record).items():       # set by code (or a non-slots field)
        if name not in fields and name[:1] != "_":
            out[name] = value
    return out


def _dump(record: _Serializable, only_set: bool, no_none: bool, as_json: bool) -> dict:
    src = _source(record)
    out = {}
    for name in _fields_of(type(record))[0]:
        value = getattr(record, name, None)
        if (value is None and (no_none or only_set and not (src and name in src))):
            continue
        out[name] = _dumped(value, only_set, no_none, as_json)
    for name, value in _extras(record).items():
        if value is not None or not no_none:
            out[name] = _dumped(value, only_set, no_none, as_json)
    return out


def _dumped(value: Any, only_set: bool, no_none: bool, as_json: bool) -> Any:
    """A field's value as plain data. Records and lists of them are dumped in turn; the
    server's own dicts are returned as they are (shared with .raw, not copied)."""
    if isinstance(value, _Serializable):
        return _dump(value, only_set, no_none, as_json)
    if isinstance(value, list) and value and isinstance(value[0], _Serializable):
        return [_dumped(v, only_set, no_none, as_json) for v in value]
    dump = getattr(value, "model_dump", None)        # a pydantic answer in .parsed
    if callable(dump) and not isinstance(value, type):
        return dump(mode="json" if as_json else "python")
    return value


def _json_dumps(data: Any, indent: int | None) -> str:
    """JSON text as pydantic writes it: compact without an indent, UTF-8 kept."""
    return json.dumps(data, indent=indent, ensure_ascii=False, default=str,
                      separators=(",", ":") if indent is None else None)


@dataclass(repr=False, eq=False, slots=True)
class ChatCompletion(_Serializable):
    """A chat completion (the SDK's ChatCompletion; ChatResponse is its older name here).
    `raw` is the JSON as it came; `provider` the table row that answered, `headers` the
    response's headers, `cost` what it cost."""
    id: str | None
    choices: list[Choice]
    created: int | None = None
    model: str | None = None
    object: str | None = "chat.completion"
    service_tier: str | None = None
    system_fingerprint: str | None = None
    usage: CompletionUsage | None = None
    raw: dict = field(default_factory=dict, repr=False)
    headers: Mapping[str, str] = field(default_factory=lambda: _NO_HEADERS, repr=False)
    provider: str | None = field(default=None, repr=False)   # which table row answered
    metadata: dict | None = None
    moderation: Any = None
    _shown = ("id", "choices", "created", "model", "object", "metadata", "moderation",
              "service_tier", "system_fingerprint", "usage")
    _src = property(lambda self: self.raw)     # type: ignore[assignment]

    @property
    def content(self) -> str | None:
        """The first choice's text (None when there is none, e.g. only tool calls)."""
        return self.choices[0].message.content if self.choices else None

    @property
    def cost(self) -> float | None:
        """USD cost as billed (Part III: estimate_cost): the provider's own figure when it
        sends one, else the model table's prices for this answer's tier and time; None when
        any of it is unknown (cost_reason says why)."""
        return self._cost()[0]

    @property
    def cost_reason(self) -> str:
        """Where .cost came from, or why it is None."""
        return self._cost()[1]

    def _cost(self) -> tuple[float | None, str]:
        return _cost(self.usage, self.model, self.provider, self.service_tier, self.created)

    def json(self) -> Any:
        """The first choice's content parsed as JSON, also when fenced or wrapped in prose.
        Raises ParseError (a ValueError) when there is none."""
        return _extract_json(self.content)


ChatResponse = ChatCompletion      # its name before 0.4


@dataclass(repr=False, eq=False, slots=True)
class Choice(_Extensible):
    """One of the n answers of a completion."""
    index: int
    message: ChatCompletionMessage
    finish_reason: str | None = None
    logprobs: ChoiceLogprobs | None = None
    _shown = ("finish_reason", "index", "logprobs", "message")


@dataclass(repr=False, eq=False, slots=True)
class ChatCompletionMessage(_Extensible):
    """What the model said (the SDK's ChatCompletionMessage; Message here before 0.4)."""
    role: str | None = "assistant"
    content: str | None = None         # None when the model only called tools
    tool_calls: list[ChatCompletionMessageFunctionToolCall] | None = None
    refusal: str | None = None
    reasoning: str | None = None       # `reasoning_content` (DeepSeek) or `reasoning` (others)
    annotations: list[dict] | None = None     # url citations of web search
    audio: dict | None = None
    function_call: Function | None = None     # the deprecated single-function form
    parsed: Any = None     # with a typed response_format: the answer as that type, checked
    _shown = ("content", "refusal", "role", "annotations", "audio", "function_call",
              "tool_calls")

    def to_param(self) -> dict:
        """The wire form, to send back as part of `messages` (tool-call loops; the SDK calls
        it a message param). `messages` also takes the message itself.

        Reasoning is left out: DeepSeek answers 400 when it is sent back."""
        out: dict[str, Any] = {"role": self.role or "assistant", "content": self.content}
        if self.tool_calls:
            out["tool_calls"] = [{"id": c.id, "type": c.type or "function",
                                  "function": {"name": c.function.name,
                                               "arguments": c.function.arguments or ""}}
                                 for c in self.tool_calls]
        if self.refusal is not None:
            out["refusal"] = self.refusal
        return out


Message = ChatCompletionMessage


@dataclass(repr=False, eq=False)
class ChatCompletionMessageFunctionToolCall(_Serializable):
    """One tool call of a message (the SDK's ChatCompletionMessageFunctionToolCall, also
    called ChatCompletionMessageToolCall)."""
    id: str | None
    type: str | None
    function: Function
    index: int | None = None       # set when the call was put together from a stream
    _shown = ("id", "function", "type")


ToolCall = ChatCompletionMessageToolCall = ChatCompletionMessageFunctionToolCall


@dataclass(repr=False, eq=False)
class Function(_Serializable):
    """A function the model called: its name and its arguments as JSON text ("" when the
    server sent none)."""
    name: str = ""
    arguments: str = ""            # JSON text, as the model wrote it (may be invalid JSON)
    parsed_arguments: Any = None   # the arguments as the type tool() was given, checked
    _shown = ("arguments", "name")


@dataclass(repr=False, eq=False)
class ChoiceLogprobs(_Serializable):
    """Log probabilities of a choice's tokens (content, or refusal)."""
    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


@dataclass(repr=False, eq=False)
class ChatCompletionTokenLogprob(_Serializable):
    """One output token with its log probability."""
    token: str | None
    logprob: float | None
    bytes: list[int] | None = None
    top_logprobs: list[TopLogprob] = field(default_factory=list)
    _shown = ("token", "bytes", "logprob", "top_logprobs")


TokenLogprob = ChatCompletionTokenLogprob


@dataclass(repr=False, eq=False)
class TopLogprob(_Serializable):
    """One of the likeliest tokens at a position."""
    token: str | None
    logprob: float | None
    bytes: list[int] | None = None
    _shown = ("token", "bytes", "logprob")


@dataclass(repr=False, eq=False, slots=True)
class CompletionUsage(_Serializable):
    """Token counts as the server sent them (never recomputed); None where it sent none.
    (The SDK's CompletionUsage; Usage here before 0.4.)"""
    # Typed int, as the SDK's are (scripts do arithmetic on them); None when not sent.
    prompt_tokens: int = typing.cast(int, None)
    completion_tokens: int = typing.cast(int, None)
    total_tokens: int = typing.cast(int, None)
    prompt_tokens_details: PromptTokensDetails | None = None
    completion_tokens_details: CompletionTokensDetails | None = None
    raw: dict = field(default_factory=dict, repr=False)   # everything, provider extras too
    _shown = ("completion_tokens", "prompt_tokens", "total_tokens",
              "completion_tokens_details", "prompt_tokens_details")
    _src = property(lambda self: self.raw or None)     # type: ignore[assignment]


Usage = CompletionUsage


@dataclass(repr=False, eq=False)
class PromptTokensDetails(_Serializable):
    """What the prompt tokens were."""
    cached_tokens: int | None = None       # read from the cache, billed at the cached price
    audio_tokens: int | None = None
    image_tokens: int | None = None
    text_tokens: int | None = None
    cache_write_tokens: int | None = None
    _shown = ("audio_tokens", "cache_write_tokens", "cached_tokens", "image_tokens",
              "text_tokens")


@dataclass(repr=False, eq=False)
class CompletionTokensDetails(_Serializable):
    """What the completion tokens were."""
    reasoning_tokens: int | None = None    # hidden thinking; already in completion_tokens
    audio_tokens: int | None = None
    accepted_prediction_tokens: int | None = None
    rejected_prediction_tokens: int | None = None
    text_tokens: int | None = None
    _shown = ("accepted_prediction_tokens", "audio_tokens", "reasoning_tokens",
              "rejected_prediction_tokens", "text_tokens")


@dataclass(repr=False, eq=False, slots=True)
class ChatCompletionChunk(_Serializable):
    """One streamed chunk. `raw` is the parsed JSON; the SDK's fields read from it, and
    `choices` is built on first use (most loops only read `.content`): measured 2026-12-01,
    building it for every chunk costs 31% more CPU per chunk (1.19x -> 1.62x raw requests,
    past the 1.5x limit)."""
    raw: dict
    _choices: list[ChunkChoice] | None = field(default=None, init=False, repr=False,
                                               compare=False)
    _shown = ("id", "choices", "created", "model", "object", "moderation", "obfuscation",
              "service_tier", "system_fingerprint", "usage")
    _src = property(lambda self: self.raw)     # type: ignore[assignment]

    id = property(lambda self: _str(self.raw.get("id")))
    created = property(lambda self: _int(self.raw.get("created")))
    model = property(lambda self: _str(self.raw.get("model")))
    object = property(lambda self: _str(self.raw.get("object")))
    moderation = property(lambda self: self.raw.get("moderation"))
    obfuscation = property(lambda self: _str(self.raw.get("obfuscation")))
    service_tier = property(lambda self: _str(self.raw.get("service_tier")))
    system_fingerprint = property(lambda self: _str(self.raw.get("system_fingerprint")))

    @property
    def usage(self) -> CompletionUsage | None:
        return _usage(_chunk_usage(self.raw))

    @property
    def content(self) -> str:
        """The first choice's text delta ("" when there is none)."""
        choices = self.raw.get("choices")
        if choices:
            delta = choices[0].get("delta")
            if delta:
                content = delta.get("content")
                return content if content.__class__ is str else _content_text(content) or ""
        return ""

    @property
    def choices(self) -> list[ChunkChoice]:
        if self._choices is None:
            self._choices = [_from(ChunkChoice(_index(c, i), _delta(_dict(c.get("delta"))),
                                               _str(c.get("finish_reason")),
                                               _logprobs(c.get("logprobs"))), c)
                             for i, c in enumerate(_dicts(self.raw.get("choices")))]
        return self._choices


@dataclass(repr=False, eq=False)
class ChunkChoice(_Extensible):
    """One choice of a streamed chunk (the SDK's chunk Choice)."""
    index: int
    delta: ChoiceDelta
    finish_reason: str | None = None
    logprobs: ChoiceLogprobs | None = None
    _shown = ("delta", "index", "finish_reason", "logprobs")
    _sdk_name = "Choice"


@dataclass(repr=False, eq=False)
class ChoiceDelta(_Extensible):
    """What one chunk adds to a choice (the SDK's ChoiceDelta; Delta here before 0.4)."""
    role: str | None = None
    content: str | None = None
    tool_calls: list[ChoiceDeltaToolCall] | None = None
    refusal: str | None = None
    reasoning: str | None = None
    function_call: Function | None = None
    audio: dict | None = None
    _shown = ("audio", "content", "function_call", "refusal", "role", "tool_calls")


Delta = ChoiceDelta


@dataclass(repr=False, eq=False)
class ChoiceDeltaToolCall(_Serializable):
    """A piece of a tool call in a stream: the first names it, the rest add arguments."""
    index: int | None = None
    id: str | None = None
    function: ChoiceDeltaToolCallFunction | None = None
    type: str | None = None


@dataclass(repr=False, eq=False)
class ChoiceDeltaToolCallFunction(_Serializable):
    arguments: str | None = None
    name: str | None = None


@dataclass(repr=False, eq=False)
class Model(_Serializable):
    """One entry of a model list (the SDK's Model)."""
    id: str
    created: int | None = None
    owned_by: str | None = None
    object: str = "model"
    raw: dict = field(default_factory=dict, repr=False)
    shutdown_date: str | None = None
    _shown = ("id", "created", "object", "owned_by", "shutdown_date")
    _src = property(lambda self: self.raw or None)     # type: ignore[assignment]


class ModelList(list):
    """What client.models.list() returns: a list of Model, with `.data` (itself) and
    `.object` as the SDK's page has them (and its printed form)."""
    object = "list"

    @property
    def data(self) -> list[Model]:
        return self

    def has_next_page(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "SyncPage[Model](data=%s, object='list')" % list.__repr__(self)


@dataclass(repr=False, eq=False)
class CreateEmbeddingResponse(_Serializable):
    """The SDK's CreateEmbeddingResponse: `.data[i].embedding`, in input order
    (EmbeddingResponse here before 0.4)."""
    data: list[Embedding]
    model: str | None
    usage: CompletionUsage | None
    raw: dict = field(default_factory=dict, repr=False)
    object: str = "list"
    provider: str | None = field(default=None, repr=False)
    _shown = ("data", "model", "object", "usage")

    @property
    def embeddings(self) -> list[list[float]]:
        """The vectors alone, one per input, in input order."""
        return [d.embedding for d in self.data]

    @property
    def cost(self) -> float | None:
        """USD cost from the model table; None when the model or usage is unknown."""
        return estimate_cost(self.usage, self.model, self.provider)


EmbeddingResponse = CreateEmbeddingResponse


@dataclass(repr=False, eq=False)
class Embedding(_Serializable):
    """One vector of an EmbeddingResponse."""
    embedding: list[float]
    index: int
    object: str = "embedding"


@dataclass(frozen=True, repr=False, eq=False)
class ModelInfo(_Serializable):
    """What we know of one model on one provider; None where we do not know.
    Prices are USD per 1M tokens."""
    name: str
    provider: str                  # a PROVIDERS name; "openai" rows also serve Azure & proxies
    context_window: int | None     # prompt + output tokens, in all
    max_input_tokens: int | None   # the prompt alone (gpt-5: 272,000 of its 400,000)
    max_output_tokens: int | None
    input_price: float | None
    cached_input_price: float | None   # prompt tokens read from the provider's cache
    output_price: float | None         # includes reasoning tokens (inside completion_tokens)
    deprecated: str | None = None      # the provider's shutdown date, when it announced one
    # Prices for what changes the bill, when the source gives them (USD per 1M): "long":
    # (prompt tokens above which the whole request is billed at, input, cached, output);
    # "flex" / "priority": (input, cached, output) by the answer's service_tier; "batch":
    # (input, output); "cache_write": price; "off_peak": (input, cached, output, windows).
    prices: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""                   # where the numbers come from, and their date


@dataclass(repr=False, eq=False)
class BatchCounts(_Serializable):
    """How many of a batch's requests there are, and how many finished or failed."""
    total: int = 0
    completed: int = 0
    failed: int = 0


# -------------------------------------------------------------------------------------------------
# I.4 chat() and the step that runs it: each call reads as: check, build, send, parse.


# The chat parameters, declared once. ChatParams are the JSON body's fields, as OpenAI
# documents them (the wire name is the key); the other groups say where and how a call goes.
# Type checkers read these for chat(), build_request(), the client's create() and chat_many()
# (PEP 692: **params: Unpack[...]), so a misspelt keyword or a wrong type is flagged there;
# at run time the same declaration drives the checks in _check_params: numbers in Annotated
# are the allowed range (low, high; None: open), a string says in words what is expected.

class ChatParams(TypedDict, total=False):
    """The JSON body's fields that chat() takes as keywords; None or absent: not sent."""
    temperature: Annotated[float | None, 0, 2]
    top_p: Annotated[float | None, 0, 1]
    max_tokens: Annotated[int | None, 1, None]
    max_completion_tokens: Annotated[int | None, 1, None]   # reasoning models' name for max_tokens
    n: Annotated[int | None, 1, None]
    stop: Annotated[str | list[str] | None, "a string or a list of strings"]   # at most four
    presence_penalty: Annotated[float | None, -2, 2]
    frequency_penalty: Annotated[float | None, -2, 2]
    logit_bias: Annotated[dict[str, int] | None, "a dict of token id to bias"]
    logprobs: bool | None
    top_logprobs: Annotated[int | None, 0, 20]
    seed: Annotated[int | None, None, None]
    user: str | None
    tools: Annotated[Sequence[Mapping[str, Any] | typing.Callable[..., Any]] | None,
                     "a list of tool definitions, functions or types (see tool())"]
    tool_choice: Annotated[str | dict[str, Any] | None, "'auto', 'none', 'required' or a dict"]
    parallel_tool_calls: bool | None
    response_format: Annotated[dict[str, Any] | type | None,
                               "a dict such as {'type': 'json_object'}, or a type"]
    stream_options: Annotated[dict[str, Any] | None, "a dict such as {'include_usage': True}"]
    reasoning_effort: Annotated[str | None, "a string such as 'low'"]
    verbosity: Annotated[str | None, "a string such as 'low'"]
    service_tier: str | None
    store: bool | None
    metadata: Annotated[dict[str, str] | None, "a dict of strings"]
    modalities: Annotated[list[str] | None, "a list of strings such as ['text']"]
    audio: dict[str, Any] | None
    prediction: dict[str, Any] | None
    prompt_cache_key: str | None
    prompt_cache_retention: str | None
    safety_identifier: str | None
    web_search_options: dict[str, Any] | None
    functions: Annotated[Sequence[Mapping[str, Any]] | None, "a list of function definitions"]
    function_call: Annotated[str | dict[str, Any] | None, "'auto', 'none' or a dict"]


class _Destination(TypedDict, total=False):
    """Where a call goes: by default the model's prefix decides, and the provider's variable
    gives the key (see PROVIDERS)."""
    provider: str | Provider
    api_key: str
    base_url: str
    api_version: str                  # Azure only


class _Extras(TypedDict, total=False):
    """What the caller adds to the request as it is: headers, query parameters, body fields
    (merged last and untouched: the escape hatch)."""
    headers: Mapping[str, str]
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, str]
    extra_body: Mapping[str, Any]


class _Sending(TypedDict, total=False):
    """How it is sent; they shape the sending, not the request."""
    timeout: Timeout                  # default DEFAULT_TIMEOUT
    max_retries: int                  # default DEFAULT_MAX_RETRIES
    session: requests.Session
    budget: Budget


class ChatArgs(ChatParams, _Destination, _Extras, _Sending, total=False):
    """Every keyword chat() takes besides messages, model and stream."""


class _JobArgs(ChatParams, _Extras, total=False):
    """What each job of a batch file shares (where it goes is the batch's own arguments)."""


@overload
def chat(messages: Messages, model: str, *, stream: Literal[False] = False,
         **params: Unpack[ChatArgs]) -> ChatResponse: ...


@overload
def chat(messages: Messages, model: str, *, stream: Literal[True],
         **params: Unpack[ChatArgs]) -> ChatStream: ...


@overload
def chat(messages: Messages, model: str, *, stream: bool = False,
         **params: Unpack[ChatArgs]) -> ChatResponse | ChatStream: ...


def chat(messages: Messages, model: str, *, stream: bool = False,
         **params: Unpack[ChatArgs]) -> ChatResponse | ChatStream:
    """Send a chat completion and return a ChatResponse (a ChatStream with stream=True).

    messages: a string (one user message) or a list of messages: {"role": ..., "content":
              ...} dicts, or Message objects from earlier answers.
    model:    "gpt-4o-mini", or "provider:model" such as "ollama:llama3.2:latest".
    params:   the JSON body's fields (ChatParams: temperature, max_tokens, tools, ...), as
              OpenAI documents them; None leaves one out. provider, api_key, base_url,
              api_version: where it goes. headers / extra_headers: more HTTP headers;
              extra_query: query parameters; extra_body: any other fields, merged last.
    timeout:  seconds, or (connect, read); a plain call's whole answer must arrive within
              connect + read of sending. max_retries: retries on 408/409/429/5xx and
              connection errors, with backoff. session: a requests.Session of your own
              (proxies, adapters). budget: a Budget that records usage and refuses calls
              past a limit.

        >>> chat("Hello", model="mock:echo").content
        'Hello'
    """
    return _chat(_keywords(params, messages=messages, model=model, stream=stream), True)


def _keywords(params: Mapping[str, Any], **named: Any) -> dict[str, Any]:
    """A call's keywords as one dict, each checked to be one of chat()'s."""
    _check_keywords(params, _CHAT_KEYWORDS)
    return dict(params, **named)


def _check_keywords(names: typing.Iterable[str], known: typing.AbstractSet[str]) -> None:
    """A misspelt keyword is a TypeError, as Python raises for a signature that lists its
    parameters (ours come in as **params, or as dicts: chat_many's jobs, the client's)."""
    unknown = sorted(set(names) - known)
    if unknown:
        raise TypeError("chat() got an unexpected keyword argument %r" % unknown[0])


# Where the extras plug in (bottle-style lists, filled by Part III and V; empty, Part I runs
# alone). Each step has one job:
_BUILD_STEPS: list[typing.Callable[[dict], Any]] = []   # args -> a note for req.parsing, or
#     None; may rewrite the arguments before they are checked (a type as response_format)
_BEFORE_SEND: list[typing.Callable[[Request, Mapping[str, Any]], None]] = []   # refuse early
_AFTER_PARSE: list[typing.Callable[[ChatResponse, Request], ChatResponse]] = []  # whole answer
_ADAPTERS: dict[str, typing.Callable[[], requests.adapters.BaseAdapter]] = {}   # URL prefix


def _chat(args: Mapping[str, Any], stream_usage: bool) -> ChatResponse | ChatStream:
    """chat() from a dict of its arguments: check, build, send, parse. stream_usage: ask for
    usage in streams (chat() does; the SDK-shaped client does not)."""
    timeout, max_retries = args.get("timeout", DEFAULT_TIMEOUT), args.get(
        "max_retries", DEFAULT_MAX_RETRIES)
    session, budget = args.get("session"), args.get("budget")
    _check_call(timeout, max_retries, session, budget)       # checked, never retried
    req = _build(args, stream_usage)                         # pure; runs _BUILD_STEPS
    for step in _BEFORE_SEND:                                # Part III: parse() rules, limits
        step(req, args)
    if budget is not None:                                   # anything with check and record
        budget.check((req.json or {})["model"], req.provider)
    session = _session_for(req, session)
    if req.stream:                                           # .response runs _AFTER_PARSE
        return _open_stream(session, req, timeout, max_retries, budget)
    result = _call(req, session, timeout, max_retries,
                   lambda data, resp: _parse_chat(data, req.provider, resp.headers))
    if budget is not None:
        budget.record(result, request=req)                   # before the checks: a cut-off
    return _after_parse(result, req)                         # answer counts too


def _after_parse(response: ChatResponse, req: Request) -> ChatResponse:
    with _scrubbing(req.secret):       # a SchemaValidationError quotes the answer
        for step in _AFTER_PARSE:      # Part III: message.parsed, cut-off answers refused
            response = step(response, req)
    return response


def _call(req: Request, session, timeout, max_retries: int, parse, until: float = math.inf):
    """Send a request and parse its JSON answer with parse(data, response). Whatever the
    server does, what comes out is the result or an OpenAICompatError without the key."""
    try:
        resp, content = _send(session, req, timeout, max_retries, _read_body, until)
        return parse(_json_body(content, resp, req.provider), resp)
    except OpenAICompatError as exc:
        raise _scrub(exc, req.secret)
    except _MALFORMED as exc:
        raise _malformed(exc, req) from None


# What parsing a hostile answer could raise beyond our own checks; turned into an
# OpenAICompatError at the edge of every call, so callers need one `except`.
_MALFORMED = (RecursionError, TypeError, ValueError, AttributeError, KeyError, IndexError,
              OverflowError)


def _malformed(exc: BaseException, req: Request) -> BaseException:
    return _scrub(OpenAICompatError("%s sent an answer that cannot be read (%s: %s)"
                                    % (req.provider, type(exc).__name__,
                                       _readable(str(exc)))), req.secret)


_CHAT_KEYWORDS = frozenset(ChatArgs.__annotations__)
_CHAT_PARAMETERS = frozenset(("messages", "model", "stream", *ChatArgs.__annotations__))


# -------------------------------------------------------------------------------------------------
# I.5 Building the request: a pure function from the caller's arguments to the exact method,
# URL, headers and JSON body. Everything is checked here, before any I/O.


def build_request(messages: Messages, model: str, *, stream: bool = False,
                  **params: Unpack[ChatArgs]) -> Request:
    """The request chat() would send, without sending it. Same arguments as chat().

    Parameters left as None are omitted from the body (never sent as null). extra_body is
    merged into the body last and untouched: the escape hatch for anything else. timeout,
    max_retries, session and budget are accepted so any chat() call can become a dry run;
    they shape the sending, not the request.
    """
    return _build(_keywords(params, messages=messages, model=model, stream=stream), True)


def _build(args: Mapping[str, Any], stream_usage: bool) -> Request:
    """build_request() from a dict of chat()'s arguments (absent ones take their defaults).
    stream_usage: ask for usage in streams (chat() does; the SDK-shaped client does not)."""
    args, parsing = dict(args), None
    for step in _BUILD_STEPS:           # Part III: a type as response_format, typed tools
        parsing = step(args) or parsing
    params = {k: v for k, v in args.items() if k in _BODY_FIELDS and v is not None}
    _check_params(params)
    extra_body = args.get("extra_body")
    if extra_body is not None and not isinstance(extra_body, Mapping):
        raise TypeError("extra_body must be a dict, not %r" % type(extra_body).__name__)
    stream, base_url = args.get("stream", False), args.get("base_url")
    if not isinstance(stream, bool):
        raise TypeError("stream must be True or False, not %r" % (stream,))
    p, model = _provider_and_model(args.get("model"), args.get("provider"), base_url)
    url, key, hdrs = _prepare(p, model, base_url, args.get("api_key"), args.get("api_version"),
                              "/chat/completions",
                              _merged(args.get("headers"), args.get("extra_headers")), stream)
    url = _with_query(url, args.get("extra_query"))
    body = {"model": model, "messages": _normalize_messages(args.get("messages"))}
    schema = _json_schema_of(params.get("response_format"))
    if schema is not None and not p.json_schema:     # JSON mode, and the schema in words
        params["response_format"] = {"type": "json_object"}
        body["messages"] = _schema_in_prompt(body["messages"], schema)
    body.update(_map_params(p, model, params, body["messages"]))
    body.update(extra_body or {})
    add_usage = stream and _asks_for_usage(p, url, body, stream_usage)
    if stream:
        body["stream"] = True
    if add_usage:
        body["stream_options"] = {"include_usage": True}
    return Request("POST", url, hdrs, body, provider=p.name, stream=stream, secret=key,
                   stream_usage_added=add_usage, parsing=parsing, body=_encoded(body))


def _encoded(body: dict) -> bytes:
    """The JSON body as sent; a value JSON cannot hold is a TypeError naming its field,
    raised here, before anything is sent (not later, as if the server were to blame)."""
    try:
        return json.dumps(body, allow_nan=False).encode()
    except (TypeError, ValueError, RecursionError) as exc:
        for name, value in body.items():
            try:
                json.dumps(value, allow_nan=False)
            except (TypeError, ValueError, RecursionError):
                raise TypeError("%s cannot be sent as JSON (%s)" % (name, exc)) from None
        raise TypeError("the request body cannot be sent as JSON (%s)" % exc) from None


_BODY_FIELDS = frozenset(ChatParams.__annotations__)


def _check_params(params: dict) -> None:
    """Each body field against its declaration in ChatParams: its JSON type, then its range."""
    checks = _PARAM_CHECKS or _param_checks()
    for name, value in params.items():
        kinds, words, span = checks[name]
        if not isinstance(value, kinds) or (value.__class__ is bool and bool not in kinds):
            raise TypeError("%s must be %s, not %r" % (name, words, value))
        if span:
            _check_number(name, value, *span)
    if "stop" in params:
        _check_stop(params["stop"])


_PARAM_CHECKS: dict[str, tuple[tuple[type, ...], str, tuple | None]] = {}
_WORDS = {float: "a number", int: "an integer", bool: "True or False", str: "a string",
          dict: "a dict", list: "a list", type: "a type"}


def _param_checks() -> dict[str, tuple[tuple[type, ...], str, tuple | None]]:
    """name -> (accepted types, the same in words, (low, high, integer) or None), read once
    from ChatParams' annotations (on first use: reading them costs import time)."""
    checks = {}
    for name, hint in typing.get_type_hints(ChatParams, include_extras=True).items():
        extra = getattr(hint, "__metadata__", ())
        kinds = _accepted(typing.get_args(hint)[0] if extra else hint)
        words = next((e for e in extra if isinstance(e, str)), None) or " or ".join(
            _WORDS[k] for k in kinds if not (k is int and float in kinds))
        span = (extra[0], extra[1], float not in kinds) if len(extra) == 2 else None
        checks[name] = kinds, words, span
    _PARAM_CHECKS.update(checks)      # whole, in one step: another thread sees all or none
    return checks


def _accepted(hint: Any) -> tuple[type, ...]:
    """The runtime types a hint admits: float takes int too, X | Y both, list[...] a list."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return tuple(k for arg in typing.get_args(hint) for k in _accepted(arg))
    if hint is type(None):            # None leaves a field out: it is never checked
        return ()
    kind = typing.get_origin(hint) or hint
    if kind is typing.get_origin(Sequence[Any]):    # a list or a tuple (not a string)
        return (list, tuple)
    return (float, int) if kind is float else (kind,)


_MAX_STOP = 4


def _check_number(name: str, value: Any, low: float | None, high: float | None,
                  integer: bool) -> None:
    kind = int if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError("%s must be %s, not %r" % (name, "an integer" if integer else "a number",
                                                   value))
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("%s must be a finite number, got %r" % (name, value))
    if (low is not None and value < low) or (high is not None and value > high):
        span = "between %s and %s" % (low, high) if high is not None else ">= %s" % low
        raise ValueError("%s must be %s, got %r" % (name, span, value))


def _check_stop(stop):
    if isinstance(stop, list) and not all(isinstance(s, str) for s in stop):
        raise TypeError("stop must be a string or a list of strings, not %r" % (stop,))
    if isinstance(stop, list) and len(stop) > _MAX_STOP:
        raise ValueError("stop takes at most %d strings, got %d" % (_MAX_STOP, len(stop)))


def _normalize_messages(messages) -> list:
    """A string is one user message; a list must hold message dicts with a known role."""
    if isinstance(messages, str):
        return [{"role": "user", "content": messages}]
    if isinstance(messages, dict):
        raise TypeError("messages must be a list of message dicts (wrap the dict in [...]) or "
                        "a string")
    if not isinstance(messages, (list, tuple)) or not messages:
        raise TypeError("messages must be a string or a non-empty list of message dicts, "
                        "not %r" % (messages,))
    messages = [_message_param(m) for m in messages]
    for i, m in enumerate(messages):
        if not isinstance(m, dict):
            raise TypeError("messages[%d] must be a dict like {'role': 'user', 'content': "
                            "'...'}, not %r" % (i, m))
        if m.get("role") not in _ROLES:
            raise ValueError("messages[%d] has role %r; expected one of %s"
                             % (i, m.get("role"), ", ".join(_ROLES)))
        if "content" not in m and not (m["role"] == "assistant" and m.get("tool_calls")):
            raise ValueError("messages[%d] (%s) has no 'content'" % (i, m["role"]))
    return messages


_ROLES = ("system", "developer", "user", "assistant", "tool")


def _message_param(m: Any) -> Any:
    """A message as plain data. A message from an earlier answer is sent as to_param()
    makes it; the SDK's objects (or ours) inside a dict message, such as
    {"role": "assistant", "tool_calls": message.tool_calls}, as their fields that were
    set (what the SDK sends); anything else is left for the checks that follow."""
    if isinstance(m, ChatCompletionMessage):
        return m.to_param()
    if not isinstance(m, dict):
        dump = getattr(m, "to_dict", None)         # the SDK's own message objects
        return dump() if callable(dump) else m
    plain = {k: _plain(v) for k, v in m.items()}
    return plain if any(plain[k] is not v for k, v in m.items()) else m


def _plain(value: Any) -> Any:
    """A record, or a list of them, as JSON data (one level: what messages hold)."""
    if isinstance(value, list):
        return [_plain(v) if not isinstance(v, list) else v for v in value]
    if isinstance(value, _Serializable):
        return value.to_dict()
    dump = getattr(value, "model_dump", None)       # a pydantic object, e.g. the SDK's
    if callable(dump) and not isinstance(value, type):
        return dump(exclude_unset=True, mode="json")
    return value


def _map_params(p: Provider, model: str, params: dict, messages: list) -> dict:
    """Adapt standard parameters to what this provider and model accept, or refuse them."""
    for i, m in enumerate(messages if p.unsupported_message_fields else ()):
        for name in p.unsupported_message_fields:
            if name in m:
                raise ValueError("%s does not support messages[%d].%s; remove it"
                                 % (p.name, i, name))
    for name in p.unsupported:
        if name in params:
            raise ValueError("%s does not support %r; remove it (or send it through "
                             "extra_body if you know better)" % (p.name, name))
    if p.max_n is not None and params.get("n", 1) > p.max_n:
        raise ValueError("%s supports n up to %d, got n=%d" % (p.name, p.max_n, params["n"]))
    if "max_tokens" in params and p.reasoning_models and model.startswith(p.reasoning_models):
        # OpenAI's reasoning models refuse max_tokens; max_completion_tokens is the same
        # limit under its new name (it also counts the hidden reasoning tokens).
        if "max_completion_tokens" in params:
            raise ValueError("give max_tokens or max_completion_tokens, not both")
        params["max_completion_tokens"] = params.pop("max_tokens")
    if "max_completion_tokens" in params and p.max_tokens_only:
        if "max_tokens" in params:
            raise ValueError("give max_tokens or max_completion_tokens, not both")
        params["max_tokens"] = params.pop("max_completion_tokens")   # the same limit
    return params


def _json_schema_of(response_format: Any) -> dict | None:
    """The schema of a {"type": "json_schema", "json_schema": {"schema": {...}}} format."""
    if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
        schema = _dict(response_format.get("json_schema")).get("schema")
        return schema if isinstance(schema, dict) else None
    return None


def _schema_in_prompt(messages: list, schema: dict) -> list:
    """For providers without json_schema (DeepSeek): the schema, asked for in words."""
    return [{"role": "system", "content": "Reply with one JSON object, and nothing else, that "
             "matches this JSON schema:\n" + json.dumps(schema)}] + messages


def _merged(*dicts: Mapping[str, Any] | None) -> dict | None:
    """Header dicts merged left to right (None: nothing), each checked to be a mapping."""
    merged = None
    for d in dicts:
        if d is not None:
            if not isinstance(d, Mapping):
                raise TypeError("headers must be a dict of strings, not %r" % type(d).__name__)
            merged = dict(merged or {}, **d)
    return merged


def _with_query(url: str, query: Mapping[str, Any] | None) -> str:
    """extra_query appended to the URL (after Azure's api-version, when there is one)."""
    if not query:
        return url
    if not isinstance(query, Mapping):
        raise TypeError("extra_query must be a dict, not %r" % type(query).__name__)
    return url + ("&" if "?" in url else "?") + urlencode(query)


# -------------------------------------------------------------------------------------------------
# I.6 Where it goes: provider, URL, key, headers: the table read: which row, which URL, which key.


def _provider_and_model(model: Any, provider: str | Provider | None,
                        base_url: str | None) -> tuple[Provider, str]:
    """The row and the model name a call means: "ollama:llama3.2:latest" is (ollama,
    "llama3.2:latest"); a name without a known prefix goes to _provider_for()."""
    if not isinstance(model, str) or not model:
        raise TypeError("model must be a non-empty string such as 'gpt-4o-mini' or "
                        "'groq:llama-3.3-70b-versatile', not %r" % (model,))
    prefix, name = _split_prefix(model)
    if prefix is None:
        if provider is None and base_url is None:
            _check_unknown_prefix(model)
        return _provider_for(provider, base_url), model
    if not name:
        raise ValueError("model %r names provider %r but no model: write %r"
                         % (model, prefix, prefix + ":MODEL-NAME"))
    if provider is not None and _provider_for(provider, None).name != prefix:
        raise ValueError("model %r names provider %r but provider=%r was given; use one"
                         % (model, prefix, getattr(provider, "name", provider)))
    return PROVIDERS[prefix], name


def _split_prefix(model: str) -> tuple[str | None, str]:
    """("groq", "llama-3.3-70b") for "groq:llama-3.3-70b" (any case: "Groq:..." too); (None,
    model) when the part before the first ":" names no provider (an Ollama tag, "ft:...")."""
    prefix, sep, rest = model.partition(":")
    if sep and prefix.lower() in PROVIDERS:
        return prefix.lower(), rest
    return None, model


def _check_unknown_prefix(model: str) -> None:
    """A misspelt prefix ("gorq:llama...") would otherwise go to OpenAI as a model name. A
    colon is only part of a name there for fine-tunes (ft:...); elsewhere say provider=."""
    prefix, sep, _ = model.partition(":")
    if sep and prefix != "ft" and "/" not in prefix:
        import difflib
        near = difflib.get_close_matches(prefix.lower(), PROVIDERS, n=3, cutoff=0.5)
        raise ValueError("model %r starts with %r, which is not a provider%s; known providers: "
                         "%s (a model name with a colon, such as an Ollama tag, needs provider= "
                         "or base_url=)" % (model, prefix, " (did you mean %s?)" % " or ".join(
                             repr(n) for n in near) if near else "", ", ".join(PROVIDERS)))


def _provider_for(provider: str | Provider | None, base_url: str | None) -> Provider:
    """provider= (a row, or a name in any case); else the row whose documented host base_url
    points at (an SDK script's OpenAI(base_url="https://api.groq.com/openai/v1") gets Groq's
    rules); else the generic row for any other server (vLLM, a proxy); else openai."""
    if isinstance(provider, Provider):
        return provider
    if provider is not None:
        row = PROVIDERS.get(provider.lower()) if isinstance(provider, str) else None
        if provider == "custom":              # the generic row, by the name errors give it
            row = _GENERIC
        if row is None:
            raise OpenAICompatError("unknown provider %r; known providers: %s (and custom: "
                                    "any other server, at base_url)"
                                    % (provider, ", ".join(sorted(PROVIDERS))))
        return row
    if base_url is None:
        return PROVIDERS["openai"]
    return _row_at(base_url if isinstance(base_url, str) else "", tuple(PROVIDERS.values()))


def _row_at(base_url: str, rows: tuple[Provider, ...]) -> Provider:
    """The row whose documented host base_url points at, else the generic row. Cached on the
    rows' identities (a row replaced or added is a new key; hashing the rows themselves
    would cost more than the lookup): every call with a base_url asks."""
    key = (base_url, tuple(map(id, rows)))
    found = _ROW_AT.get(key)
    if found is None:
        host = urlsplit(base_url).hostname if "://" in base_url else None
        row = next((p for p in rows if host and host in _hosts_of(p)), _GENERIC)
        if len(_ROW_AT) > 64:
            _ROW_AT.clear()
        _ROW_AT[key] = found = (rows, row)     # the rows kept alive: their ids stay theirs
    return found[1]


_ROW_AT: dict[tuple, tuple[tuple[Provider, ...], Provider]] = {}


def _hosts_of(p: Provider) -> tuple[str, ...]:
    """The hosts of a row's documented API roots."""
    return tuple(h for h in (urlsplit(u).hostname for u in (p.base_url,) + p.hosts if u) if h)


def _prepare(p: Provider, model, base_url, api_key, api_version, path, headers=None,
             stream=False):
    """URL, key and headers for one endpoint: the part every call shares."""
    base, host = _base_url(p, base_url)
    url = _endpoint_url(p, base, path, model, api_version)
    key = _api_key(p, api_key, host)
    _check_transport_security(url, host, key)
    return url, key, _headers(p, key, stream, headers)


def _base_url(p: Provider, base_url: str | None) -> tuple[str, str]:
    """The API root and its host, from base_url, the provider's variable or its table row.

    This is the one place a URL is parsed: every rule about keys reads the host it returns,
    and anything two URL parsers could read differently is refused here."""
    base = base_url or (p.base_env and os.environ.get(p.base_env)) or p.base_url
    where = "base_url" if base_url else (p.base_env if base != p.base_url else "base_url")
    if not base:
        raise OpenAICompatError("%s needs an endpoint: pass base_url= or set %s"
                                % (p.name, p.base_env or "base_url"))
    if not isinstance(base, str):
        raise TypeError("base_url must be a string such as 'https://host/v1', not %r"
                        % type(base).__name__)
    if "://" not in base:      # OLLAMA_HOST is often written as "host:port"
        base = "http://" + base
    return base.rstrip("/"), _url_host(base, where or "base_url")


def _endpoint_url(p: Provider, base: str, path: str, model: str | None,
                  api_version: str | None) -> str:
    """The full URL of `path` ("/chat/completions", "/embeddings" or "/models")."""
    if p.url_shape == "ollama":
        root = _ollama_root(base)
        return root + ("/api/tags" if path == "/models" else "/v1" + path)
    if p.url_shape == "azure":
        root, query = _azure_root(base, api_version, model)
        if query and path in ("/chat/completions", "/embeddings") and \
                "/openai/deployments/" not in root:         # else base_url names the deployment
            root += "/deployments/" + quote(model or "", safe="")
        if api_version and not query:
            raise ValueError("api_version does not apply to Azure's /openai/v1 endpoints; "
                             "remove it, or use the resource URL as base_url")
        return root + path + ("?" + urlencode(query) if query else "")
    if api_version:
        raise ValueError("api_version is for Azure only; %s does not take one" % p.name)
    return base + path


def _ollama_root(base: str) -> str:
    # Accept "http://host:11434" and "http://host:11434/v1" alike.
    return base[:-3] if base.endswith("/v1") else base


# Azure's api-version when none is given: its GA version, except for deployments named after
# a reasoning model, which Azure refuses below 2024-12-01-preview ("Model o3-mini is enabled
# only for api versions 2024-12-01-preview and later", Azure-Samples/azure-search-openai-
# demo#2496). Deployments are named by their owners: pass api_version= when yours is not.
_AZURE_VERSION, _AZURE_REASONING_VERSION = "2024-10-21", "2024-12-01-preview"
_API_VERSION_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_")


def _azure_root(base: str, api_version: str | None,
                deployment: str | None = None) -> tuple[str, dict]:
    """Azure has two URL styles: .../openai/v1 (like OpenAI) and the classic
    .../openai/deployments/{deployment}/... with an api-version query."""
    if base.endswith("/openai/v1"):
        return base, {}
    reasoning = (deployment or "").lower().startswith(_OPENAI_REASONING)
    version = api_version or os.environ.get("OPENAI_API_VERSION") or (
        _AZURE_REASONING_VERSION if reasoning else _AZURE_VERSION)
    if not isinstance(version, str) or not _API_VERSION_CHARS.issuperset(version):
        raise ValueError("api_version must be a version such as %r (letters, digits, '.', "
                         "'-'), not %r" % (_AZURE_VERSION, version))
    if "/openai/deployments/" in base:       # one deployment's URL (AzureOpenAI's too)
        return base, {"api-version": version}
    if base.endswith("/openai"):
        base = base[:-len("/openai")]
    return base + "/openai", {"api-version": version}


def _api_key(p: Provider, api_key: str | None, host: str) -> str | None:
    """The key to send, from the argument or the provider's variable.

    An environment key only goes to its provider's own hosts (its table row, or the endpoint
    its own variable names): a base_url that the code points elsewhere (a proxy, a logger)
    must be given the key explicitly."""
    if api_key is not None:
        _check_key(api_key)
        return api_key
    if not p.key_env:
        return None
    key = os.environ.get(p.key_env)
    if not key:
        raise OpenAICompatError("no API key for %s: set %s or pass api_key="
                                % (p.name, p.key_env))
    _check_key(key, p.key_env)
    own = _own_hosts(p)
    if host not in own:
        raise OpenAICompatError("%s is only sent to %s, and base_url points at %s: pass "
                                "api_key= explicitly" % (p.key_env, " or ".join(own) or
                                                         "the host %s names" % p.base_env,
                                                         host))
    return key


def _headers(p: Provider, key: str | None, stream: bool, extra: dict | None) -> _Headers:
    h = _Headers({"Content-Type": "application/json", "User-Agent": USER_AGENT,
                  "Accept": "text/event-stream" if stream else "application/json"})
    if key:
        if p.auth == "api-key":
            h["api-key"] = key
        else:
            h["Authorization"] = "Bearer " + key
    for header, env in p.env_headers:
        if os.environ.get(env):
            h[header] = os.environ[env]
            _check_headers({header: h[header]})
    if extra:
        _check_headers(extra)
        h.update(extra)
    return h


# -------------------------------------------------------------------------------------------------
# I.7 Sending and retrying: one visible loop. Whether to retry and how long to wait are small
# pure functions, so they can be tested from a table.


def _check_call(timeout, max_retries, session, budget) -> None:
    """The sending arguments, checked before anything is sent (and never retried)."""
    parts = timeout if isinstance(timeout, tuple) else (timeout,)
    if len(parts) != (2 if isinstance(timeout, tuple) else 1) or not all(
            t is None or (isinstance(t, (int, float)) and not isinstance(t, bool)
                          and 0 < t < math.inf) for t in parts):
        raise TypeError("timeout must be seconds (a finite number > 0), None, or a (connect, "
                        "read) tuple of them, not %r" % (timeout,))
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise TypeError("max_retries must be an integer >= 0, not %r" % (max_retries,))
    if session is not None and not callable(getattr(session, "request", None)):
        raise TypeError("session must be a requests.Session, not %r" % type(session).__name__)
    if budget is not None and not (callable(getattr(budget, "check", None))
                                   and callable(getattr(budget, "record", None))):
        raise TypeError("budget must be a Budget, not %r" % type(budget).__name__)


def _check_seconds(value: Any, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("%s must be seconds (a number), not %r" % (name, value))
    if not 0 < value < math.inf:
        raise ValueError("%s must be a finite number of seconds > 0, not %r" % (name, value))


def _within(timeout, until: float):
    """timeout, shortened so that no part of it runs past `until` (time.monotonic())."""
    if until == math.inf:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise APITimeoutError("the time given for this call has run out")
    parts = timeout if isinstance(timeout, tuple) else (timeout, timeout)
    return tuple(left if t is None else min(t, left) for t in parts)


def _total_seconds(timeout) -> float:
    """The whole time a plain answer may take: connect plus read (None: no limit)."""
    parts = timeout if isinstance(timeout, tuple) else (timeout, timeout)
    return math.inf if None in parts else float(sum(parts))


_session = None

_session_lock = threading.Lock()

_sleep = time.sleep     # replaced by tests


def _default_session() -> requests.Session:
    """One shared Session, made on first use, so a script's second call reuses the
    connection instead of paying a new TCP and TLS handshake."""
    global _session
    with _session_lock:
        if _session is None:
            _session = _new_session()
    return _session


def _new_session(pool_size: int = 10) -> requests.Session:
    s = requests.Session()
    adapter = _HeadDeadlineAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
    s.mount("https://", adapter)
    s.mount("http://", adapter)
    for prefix, adapter_class in _ADAPTERS.items():     # Part V: mock://
        s.mount(prefix, adapter_class())
    return s


def _session_for(req: Request, session) -> requests.Session:
    session = session or _default_session()
    for prefix, adapter_class in _ADAPTERS.items():     # so the mock works with any session
        if req.url.startswith(prefix) and prefix not in getattr(session, "adapters", {prefix}):
            session.mount(prefix, adapter_class())
    return session


def _send(session, req: Request, timeout, max_retries: int, read,
          until: float = math.inf):
    """Send with retries; return (response, read(response, deadline)).

    `read` takes what the caller needs of the body inside the loop: the whole body for a
    plain call (a connection that breaks mid-body is retried), only the first bytes for a
    stream (never retried once data reached the caller). until: no retry past it."""
    _check_proxy(session, req)
    data = req.body if req.body is not None or req.json is None else json.dumps(req.json).encode()
    gate = getattr(session, "rate_gate", None) or _Ungated   # chat_many's pacing (Part III)
    attempt = 0
    while True:
        ticket = gate.start(req)        # told below how the attempt ended, whatever the way
        deadline = min(time.monotonic() + _total_seconds(timeout), until)
        try:
            resp = _request(session, req, data, timeout, deadline)
            gate.report(resp.headers, resp.status_code, ticket)
            if resp.status_code < 300:
                return resp, read(resp, deadline)
            error = _http_error(resp, _read_body(resp, deadline), req.provider)
        except _CALLER_ERRORS as exc:      # requests refused what we gave it: never retried
            gate.report(_NO_HEADERS, None, ticket)
            raise OpenAICompatError("%s %s: %s" % (req.method, req.url, exc)) from exc
        except (*_NETWORK_ERRORS, APITimeoutError) as exc:   # ours: the answer took too long
            if not ticket["reported"]:
                gate.report(_NO_HEADERS, None, ticket)
            error = exc if isinstance(exc, APITimeoutError) else _connection_error(
                exc, "%s %s" % (req.method, req.url), time.monotonic() >= deadline,
                _down_hint(req.provider))
            if attempt >= max_retries:
                raise error from (None if error is exc else exc)
            wait, why = _retry_delay(attempt), type(error).__name__
        else:
            resp.close()
            if gate.holds(error):
                continue                # waited out by gate.start(): no retry used up
            if attempt >= max_retries or not _should_retry(error):
                raise _with_withheld_key(error, req)
            wait, why = _retry_delay(attempt, resp.headers), resp.status_code
        if time.monotonic() + wait >= until:
            raise error
        log.warning("%s: %s, retrying in %.2fs (retry %d of %d)", req.provider, why, wait,
                    attempt + 1, max_retries)
        _sleep(wait)
        attempt += 1


def _request(session, req: Request, data: bytes | bytearray | None, timeout,
             deadline: float) -> requests.Response:
    """One HTTP exchange, up to the response's head, which must arrive by the deadline too
    (the watchdog, Part IV.4, reads _head.until)."""
    _head.until = deadline
    try:
        return session.request(req.method, req.url, headers=req.headers, data=data,
                               timeout=timeout, stream=True, allow_redirects=False)
    finally:
        _head.until = math.inf


class _Ungated:
    """The gate of a call outside a chat_many run: every request goes at once."""

    @staticmethod
    def start(req: Request) -> dict:
        return {"reported": True}

    @staticmethod
    def report(headers: Mapping[str, str], status: int | None, ticket: dict) -> None:
        pass

    @staticmethod
    def holds(error: APIError) -> bool:
        return False


def _down_hint(provider: str) -> str | None:
    """What to check when a provider's server cannot be reached."""
    return PROVIDERS[provider].down_hint if provider in PROVIDERS else "Check base_url."


_NETWORK_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError, OSError,
                   http.client.HTTPException)

_CALLER_ERRORS = (requests.exceptions.InvalidURL, requests.exceptions.InvalidHeader,
                  requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema)


def _with_withheld_key(error: APIError, req: Request) -> APIError:
    """A 401/403 from a server we sent no key to, while OPENAI_API_KEY is set: we withheld
    it (environment keys only go to their own provider's hosts); say so, and how to send it."""
    if error.status_code in (401, 403) and req.secret is None and os.environ.get(
            "OPENAI_API_KEY") and req.provider == _GENERIC.name:
        note = (" (OPENAI_API_KEY is set but was not sent: environment keys only go to "
                "their own provider's hosts, and this is %s. To send it there, pass "
                "api_key=os.environ[\"OPENAI_API_KEY\"], or on the command line "
                "--api-key-env OPENAI_API_KEY)" % urlsplit(req.url).hostname)
        error.message += note
        error.summary += note
        error.args = (error.message,)
    return error


def _should_retry(error: APIError) -> bool:
    said = str(error.headers.get("x-should-retry", "")).lower()
    if said in ("true", "false"):                  # the server's own word wins
        return said == "true"
    if "insufficient_quota" in (error.code, error.type):
        return False                               # no wait refills an empty account
    status = error.status_code or 0
    return status in RETRY_STATUSES or status >= 500


def _retry_delay(attempt: int, headers=None) -> float:
    """Wait before retry number attempt+1: the server's word (capped), else backoff."""
    wait = _parse_retry_after(headers or {})
    if wait is not None and 0 <= wait == wait:     # wait == wait filters NaN
        return min(wait, MAX_RETRY_AFTER)
    backoff = min(INITIAL_RETRY_DELAY * 2 ** attempt, MAX_RETRY_DELAY)
    return backoff * (1 - 0.25 * random.random())   # jitter: 75% to 100% of the backoff


def _parse_retry_after(headers) -> float | None:
    """Seconds the server asked us to wait: retry-after-ms, else retry-after (seconds or an
    HTTP date). None when absent or unreadable."""
    try:
        return float(headers["retry-after-ms"]) / 1000
    except (KeyError, ValueError, TypeError):
        pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    date = email.utils.parsedate_tz(value)
    try:
        return None if date is None else email.utils.mktime_tz(date) - time.time()
    except (ValueError, OverflowError):   # a date in year 99999
        return None


# -------------------------------------------------------------------------------------------------
# I.8 Errors: the official SDK's tree, and the one builder: so `except` clauses port over. One root;
# APIError for anything about a request: APIStatusError (by status) for what the server said,
# APIConnectionError for what the network did. Messages read well whatever the body's shape.


class OpenAIError(Exception):
    """Base class for every error this module raises on purpose."""


OpenAICompatError = OpenAIError     # this module's first name for it; the same class


class APIError(OpenAIError):
    """A request failed: the server said so (an HTTP status, or an error object in a 200 body
    or a stream), or it could not be reached.

    message (and str(e)): the SDK's text, "Error code: 429 - <the body's message>" for an
    HTTP status (just "Error code: 404" when the body has no message string), else readable
    text; summary: ours, "429 error from openai: <message>" (a proxy's HTML page reduced to
    its words, Ollama's {"error": "text"} read); body: the error object as the server sent
    it (the inner object of {"error": {...}}, else the parsed body or its text); code,
    param, type: its fields; provider: the table row's name; status_code: the HTTP status,
    or the one an in-stream error names (None when there is none)."""

    status_code: int | None = None

    def __init__(self, message: str, *, body: object = None, code: object = None,
                 param: object = None, type: object = None, provider: str | None = None,
                 status_code: int | None = None, request_id: str | None = None,
                 headers: Mapping[str, str] | None = None,
                 response: requests.Response | None = None, text: str | None = None) -> None:
        self.body = body
        self.code = None if code is None else str(code)     # as the SDK: "429", not 429
        self.param, self.type, self.provider = param, type, provider
        self.status_code = status_code
        self.request_id = request_id
        self.headers: Mapping[str, str] = headers if headers is not None else {}
        self.response = response       # the requests.Response, when there was one
        where = " from %s" % provider if provider else ""
        status = "%s " % status_code if status_code else ""
        self.summary = ("%serror%s: %s" % (status, where, message) if status or where
                        else message)
        self.message = text or message
        super().__init__(self.message)


class APIStatusError(APIError):
    """The server answered with an error status (4xx, 5xx; 3xx: a redirect not followed).
    Adds status_code, response (the requests.Response), request_id and headers."""


class BadRequestError(APIStatusError): pass           # 400  # noqa: E701


class AuthenticationError(APIStatusError): pass       # 401  # noqa: E701


class PermissionDeniedError(APIStatusError): pass     # 403  # noqa: E701


class NotFoundError(APIStatusError): pass             # 404  # noqa: E701


class ConflictError(APIStatusError): pass             # 409  # noqa: E701


class UnprocessableEntityError(APIStatusError): pass  # 422  # noqa: E701


class RateLimitError(APIStatusError): pass            # 429  # noqa: E701


class InternalServerError(APIStatusError): pass       # >= 500  # noqa: E701


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before the answer was whole."""


class APITimeoutError(APIConnectionError):
    """The server took longer than `timeout` to connect, to send the next bytes, or (for a
    plain call) to send the whole answer."""


class ParseError(OpenAIError, ValueError):
    """The model's text is not what was asked for (no JSON where JSON was asked for)."""


class SchemaValidationError(ParseError):
    """The model's JSON does not match the schema asked for. `path` says where ($.a[1]),
    `text` is the model's text as it came."""

    def __init__(self, message: str, *, path: str = "$", text: str | None = None) -> None:
        super().__init__(message)
        self.path, self.text = path, text


class LengthFinishReasonError(OpenAIError):
    """The answer was cut off at the token limit (finish_reason "length"), so the JSON that
    was asked for is incomplete. `completion` is the ChatResponse."""

    def __init__(self, *, completion: ChatResponse) -> None:
        super().__init__("Could not parse response content as the length limit was reached"
                         " - %s" % (completion.usage,))
        self.completion = completion


class ContentFilterFinishReasonError(OpenAIError):
    """The answer was withheld by the provider's content filter (finish_reason
    "content_filter"). `completion` is the ChatResponse."""

    def __init__(self, *, completion: ChatResponse | None = None) -> None:
        super().__init__("Could not parse response content as the request was rejected by "
                         "the content filter")
        self.completion = completion


class ContextWindowExceededError(OpenAIError, ValueError):
    """The prompt plus the requested output would not fit the model's context window."""


class BudgetExceededError(OpenAIError):
    """A Budget's token or cost limit has been reached; nothing more is sent."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
    404: NotFoundError, 409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError}


def _error_class(status: int | None) -> type[APIError]:
    if status is None:
        return APIError
    if status >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status, APIStatusError)


def _api_error(body: Any, provider: str, *, status: int | None = None,
               message: str | None = None, default: str = "the server sent an error object",
               headers: Mapping[str, str] | None = None,
               response: requests.Response | None = None,
               request_id: str | None = None) -> APIError:
    """The one builder of APIError subclasses, from an error body however it came: a non-2xx
    answer (_http_error), an error object in a 200 body or a stream, a failed batch line.
    Without a status, the body's code or type suggests one (_infer_status). An HTTP answer's
    error (with its response) reads as the SDK's does: "Error code: 429 - ..." (_sdk_text)."""
    fields = _error_fields(body)
    status = status if status is not None else _infer_status(fields)
    inner = body.get("error", body) if isinstance(body, dict) else body   # as the SDK's body
    return _error_class(status)(
        str(message or fields.get("message") or default).strip(), status_code=status,
        type=fields.get("type"), code=fields.get("code"), param=fields.get("param"), body=inner,
        request_id=request_id, provider=provider, headers=headers, response=response,
        text=None if response is None else _sdk_text(status or 0, inner, message))


def _http_error(resp: requests.Response, content: bytes, provider: str) -> APIError:
    """The APIStatusError subclass for a non-2xx response (the key is scrubbed later)."""
    text = content.decode("utf-8", "replace")
    try:
        body, message = json.loads(text), None
    except (ValueError, RecursionError):   # an HTML page from a proxy, plain text, or a bomb
        body, message = text, _readable(text)
    if 300 <= resp.status_code < 400:
        message = ("redirected to %s; not followed, so no credentials leave the provider's "
                   "host: use that address as base_url" % resp.headers.get("location"))
    headers = resp.headers
    request_id = next((headers[h] for h in ("x-request-id", "request-id", "apim-request-id",
                                            "x-ms-request-id") if h in headers), None)
    return _api_error(body, provider, status=resp.status_code, message=message,
                      default="HTTP %s %s" % (resp.status_code, resp.reason or ""),
                      headers=headers, response=resp, request_id=request_id)


def _sdk_text(status: int, inner: Any, message: str | None) -> str:
    """The SDK's str() of an HTTP error: "Error code: 429 - <message>", the message only
    when the error object holds one as a string (why a redirect was not followed, from us)."""
    said = inner.get("message") if isinstance(inner, dict) else None
    said = message if 300 <= status < 400 else said
    return "Error code: %d%s" % (status, " - %s" % said if isinstance(said, str) and said
                                 else "")


def _error_fields(body, nested: bool = False) -> dict:
    """Find message/type/code/param in the many error shapes providers send:

    {"error": {"message": ...}}     OpenAI, Groq, Azure, OpenRouter
    {"error": "plain string"}       Ollama
    {"object": "error", "message"}  vLLM and other servers (top level)
    [{"error": {...}}, ...]         Google-style arrays: messages joined
    {"message": {...}}              a message that is itself an object
    """
    if isinstance(body, list) and not nested:      # one level only: a server can nest deeper
        parts = [_error_fields(item, True) for item in body[:20]]
        first = parts[0] if parts else {}
        messages = [p["message"] for p in parts if p.get("message")]
        return dict(first, message="; ".join(messages) or None)
    if not isinstance(body, dict):
        return {"message": _json_text(body)}
    inner = body.get("error", body)
    if isinstance(inner, list):
        return _error_fields(inner, nested)
    if not isinstance(inner, dict):
        return {"message": _json_text(inner)}
    message = inner.get("message") or inner.get("detail") or inner.get("msg")
    return {"message": _json_text(message), "type": inner.get("type"),
            "code": inner.get("code"), "param": inner.get("param")}


def _infer_status(fields: dict) -> int | None:
    """An HTTP-like status for an error that came without one (in a 200 body or stream)."""
    code, kind = fields.get("code"), fields.get("type")
    words = "%s %s" % (code, kind)
    if isinstance(code, str) and code.isascii() and code.isdigit():
        code = int(code)     # isascii: "²".isdigit() is True, and int("²") raises
    if isinstance(code, int) and not isinstance(code, bool) and 400 <= code < 600:
        return code
    if "rate_limit" in words:
        return 429
    if "server_error" in words:
        return 500
    return None


# -------------------------------------------------------------------------------------------------
# I.9 Parsing an answer: JSON into the records. Missing keys are normal (Groq omits `content`
# beside tool calls; usage is optional); a body that is not a chat completion at all is an
# OpenAICompatError, never a KeyError.


def _json_body(content: bytes, resp: requests.Response, provider: str):
    try:
        return json.loads(content)
    except RecursionError:
        raise OpenAICompatError("%s sent JSON nested too deeply to read" % provider) from None
    except ValueError:
        if not content.strip():
            raise OpenAICompatError("%s sent a %d with an empty body"
                                    % (provider, resp.status_code)) from None
        raise OpenAICompatError("%s sent a %d whose body is not JSON (a proxy page?): %s"
                                % (provider, resp.status_code,
                                   _readable(content.decode("utf-8", "replace"))))\
            from None


def _check_shape(data, key: str, what: str, provider: str) -> None:
    if isinstance(data, dict) and data.get("error"):
        raise _api_error(data, provider)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise OpenAICompatError("%s did not send %s: %s" % (provider, what,
                                                            _readable(data)))


def _parse_chat(data, provider: str = "custom", headers=None) -> ChatCompletion:
    _check_shape(data, "choices", "a chat completion", provider)
    if not all(isinstance(c, dict) for c in data["choices"]):
        raise OpenAICompatError("%s sent malformed choices: %s"
                                % (provider, _readable(data["choices"])))
    choices = [_from(Choice(_index(c, i), _message(_dict(c.get("message"))),
                            _str(c.get("finish_reason")), _logprobs(c.get("logprobs"))), c)
               for i, c in enumerate(data["choices"])]
    return ChatCompletion(_str(data.get("id")), choices, _int(data.get("created")),
                          _str(data.get("model")), _str(data.get("object")),
                          _str(data.get("service_tier")), _str(data.get("system_fingerprint")),
                          _usage(data.get("usage")), data,
                          headers if headers is not None else _NO_HEADERS, provider,
                          _dict(data.get("metadata")) or None, data.get("moderation"))


def _index(choice: dict, position: int) -> int:
    index = _int(choice.get("index"))
    return position if index is None else index


def _message(d: dict) -> ChatCompletionMessage:
    annotations = d.get("annotations")
    return _from(ChatCompletionMessage(
        **_said(d, _tool_call),
        annotations=_dicts(annotations) if isinstance(annotations, list) else None), d)


def _said(d: dict, read_call: typing.Callable[[dict], Any]) -> dict[str, Any]:
    """What a message and a stream's delta share, read from either: role, text, tool calls
    (each by read_call), refusal, thinking, audio and the deprecated function_call."""
    calls, call = d.get("tool_calls"), d.get("function_call")
    return {"role": _str(d.get("role")), "content": _content_text(d.get("content")),
            "tool_calls": [read_call(c) for c in _dicts(calls)]
            if isinstance(calls, list) else None,
            "refusal": _str(d.get("refusal")), "reasoning": _reasoning(d),
            "audio": _dict(d.get("audio")) or None,
            "function_call": _function(call) if isinstance(call, dict) else None}


def _reasoning(d: dict) -> str | None:
    """A message's thinking: `reasoning_content` (DeepSeek, vLLM), `reasoning` (Groq,
    OpenRouter) or Mistral's thinking parts."""
    content = d.get("content")
    return _content_text(d.get("reasoning_content") or d.get("reasoning") or (
        _thinking(content) if content.__class__ is list else None))


def _tool_call(d: dict) -> ChatCompletionMessageFunctionToolCall:
    return _from(ChatCompletionMessageFunctionToolCall(
        _str(d.get("id")), _str(d.get("type")), _function(_dict(d.get("function"))),
        _int(d.get("index"))), d)


def _function(d: dict) -> Function:
    return _from(Function(_str(d.get("name")) or "", _str(d.get("arguments")) or ""), d)


def _delta(d: dict) -> ChoiceDelta:
    return _from(ChoiceDelta(**_said(d, _delta_call)), d)


def _delta_call(d: dict) -> ChoiceDeltaToolCall:
    f = d.get("function")
    return _from(ChoiceDeltaToolCall(
        _int(d.get("index")), _str(d.get("id")),
        _from(ChoiceDeltaToolCallFunction(_str(f.get("arguments")), _str(f.get("name"))), f)
        if isinstance(f, dict) else None, _str(d.get("type"))), d)


def _logprobs(d) -> ChoiceLogprobs | None:
    if not isinstance(d, dict):
        return None
    return _from(ChoiceLogprobs(_token_logprobs(d.get("content")),
                                _token_logprobs(d.get("refusal"))), d)


def _token_logprobs(items) -> list[ChatCompletionTokenLogprob] | None:
    if not isinstance(items, list):
        return None
    return [_from(ChatCompletionTokenLogprob(
                _str(t.get("token")), _number(t.get("logprob")), _ints(t.get("bytes")),
                [_from(TopLogprob(_str(x.get("token")), _number(x.get("logprob")),
                                  _ints(x.get("bytes"))), x)
                 for x in _dicts(t.get("top_logprobs"))]), t)
            for t in _dicts(items)]


def _usage(d) -> CompletionUsage | None:
    if not isinstance(d, dict):
        return None
    prompt, completion = d.get("prompt_tokens_details"), d.get("completion_tokens_details")
    if prompt is None and _int(d.get("prompt_cache_hit_tokens")) is not None:
        prompt = {"cached_tokens": d["prompt_cache_hit_tokens"]}     # DeepSeek's name for it
    counts = [typing.cast(int, _int(d.get(k)))       # None when not sent (see the record)
              for k in ("prompt_tokens", "completion_tokens", "total_tokens")]
    return CompletionUsage(
        counts[0], counts[1], counts[2],
        _from(PromptTokensDetails(*(_int(prompt.get(k)) for k in _PROMPT_DETAILS)), prompt)
        if isinstance(prompt, dict) else None,
        _from(CompletionTokensDetails(*(_int(completion.get(k)) for k in _COMPLETION_DETAILS)),
              completion) if isinstance(completion, dict) else None, d)


_PROMPT_DETAILS = tuple(f.name for f in dataclasses.fields(PromptTokensDetails))

_COMPLETION_DETAILS = tuple(f.name for f in dataclasses.fields(CompletionTokensDetails))

# Readers that take a value only if it has the type the API documents: a hostile server's
# `"tool_calls": 5` or `"prompt_tokens": "x"` becomes "absent", never a TypeError later.
def _str(v) -> str | None:
    return v if isinstance(v, str) else None


def _int(v) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _number(v) -> float | None:
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _ints(v) -> list[int] | None:
    return [i for i in v if _int(i) is not None] if isinstance(v, list) else None


def _dict(v) -> dict:
    return v if isinstance(v, dict) else _EMPTY


def _dicts(v) -> list:
    return [d for d in v if isinstance(d, dict)] if isinstance(v, list) else []


def _json_text(value) -> str | None:
    """Any message shape as readable text: strings stay, objects become compact JSON."""
    if value is None or isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    except (RecursionError, ValueError, TypeError):
        return "(an object nested too deeply to show)"


def _readable(text) -> str:
    """An HTML page from a proxy, reduced to its words; long text cut short."""
    if not isinstance(text, str):
        text = _json_text(text) or ""
    text = " ".join(_strip_tags(text[:20000]).split())
    return text[:300] + ("..." if len(text) > 300 else "")


def _content_text(content, sep: str = ""):
    """Message content as text. Most servers send a string; Mistral's reasoning models send
    a list of parts ({"type": "text", "text": ...}, {"type": "thinking", ...}): their text
    parts are joined (the parts stay in `raw`)."""
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, list):
        return sep.join(p["text"] for p in _dicts(content)
                       if p.get("type") == "text" and isinstance(p.get("text"), str))
    return _json_text(content)


def _thinking(content) -> str | None:
    """The text of Mistral's {"type": "thinking", "thinking": [text parts]} content parts."""
    parts = [_content_text(p.get("thinking")) for p in _dicts(content)
             if p.get("type") == "thinking"]
    return "".join(filter(None, parts)) or None


def _buffer_text(buffer: bytearray | None) -> str | None:
    if buffer is None:
        return None
    text = buffer.decode("utf-8", "surrogatepass")
    if b"\xed" in buffer:      # maybe halves of a surrogate pair sent in two chunks: join them
        text = _paired(text)
    return text


def _paired(text: str) -> str:
    """Surrogate halves (JSON's "\\ud83d" and "\\ude00") joined into the character they
    make; a lone half stays as it is."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


# -------------------------------------------------------------------------------------------------
# I.10 Streaming: layers that know nothing of HTTP: bytes -> lines -> events -> chat chunks.
# See https://html.spec.whatwg.org/multipage/server-sent-events.html
#
# Not Response.iter_lines(): it invents an empty line (an extra event boundary) when a
# CRLF is split across two network chunks. Not str.splitlines(): it also splits on
# U+2028 and U+0085, which can be inside the text. We split bytes on CR, LF and CRLF only,
# and decode UTF-8 per complete line, never per network chunk.


def _open_stream(session, req: Request, timeout, max_retries: int, budget) -> ChatStream:
    try:
        resp, objects, req = _start_stream(session, req, timeout, max_retries)
    except OpenAICompatError as exc:
        raise _scrub(exc, req.secret)
    except _MALFORMED as exc:
        raise _malformed(exc, req) from None
    on_done = functools.partial(budget.record, request=req) if budget else None
    return ChatStream(resp, objects, req, on_done)


def _start_stream(session, req: Request, timeout, max_retries: int):
    """(response, its JSON objects, the request that got it) for a stream request."""
    try:
        resp, (reader, first) = _send(session, req, timeout, max_retries, _read_first)
    except (BadRequestError, UnprocessableEntityError) as exc:
        # Some servers reject stream_options. When we added it ourselves (to get usage),
        # drop it, remember that for this server, and ask once more.
        if not (req.stream_usage_added and _names_stream_options(exc)):
            raise
        req = _without_usage(req)
        resp, (reader, first) = _send(session, req, timeout, max_retries, _read_first)
    if reader is not None:
        return resp, _stream_objects(reader, first, req), req
    # Not an event stream: an error object, a whole completion, or a page.
    data = _json_body(first, resp, req.provider)
    _check_shape(data, "choices", "a chat completion stream", req.provider)
    return resp, iter([_completion_as_chunk(data)]), req


def _read_first(resp, deadline):
    """The start of a stream: (reader, first bytes). An answer that is not an event stream
    (a JSON error or completion, an HTML page) is read whole instead: (None, body)."""
    ctype = resp.headers.get("content-type", "")
    if "json" in ctype or "html" in ctype:
        return None, _read_body(resp, deadline)
    reader = _chunk_reader(resp)
    return reader, reader()


def _stream_objects(reader, first: bytes, req: Request):
    """The JSON objects of an event stream, from its first bytes and a reader for the rest."""
    lines = _iter_lines(_iter_bytes(reader, first, req.provider))
    return _iter_json(_iter_events(lines), req.provider)


def _iter_bytes(reader, first: bytes, provider: str):
    chunk = first
    while chunk:
        yield chunk
        try:
            chunk = reader()
        except (*_NETWORK_ERRORS, AttributeError) as exc:
            # AttributeError: urllib3 after the connection was closed under it.
            raise _connection_error(exc, "%s stream broke off" % provider) from exc


def _iter_lines(chunks):
    """Network chunks in, complete lines out (without their line endings).

    An unfinished line is kept as a list of pieces and joined once it ends, so a line that
    arrives in many reads costs linear time (pending + chunk, repeated, is quadratic)."""
    pending, size = [], 0  # the pieces of an unfinished last line, and their length
    after_cr = False       # the previous chunk ended in CR: a LF starting this one is its pair
    for chunk in chunks:
        if after_cr and chunk[:1] == b"\n":
            chunk = chunk[1:]
        after_cr = False
        if not chunk:
            continue
        last = chunk[-1]
        ended = last == 10 or last == 13       # b"\n", b"\r"
        # bytes.splitlines() breaks on \r, \n and \r\n only (unlike str.splitlines()).
        lines = chunk.splitlines()
        if pending:
            if len(lines) == 1 and not ended:  # still the same unfinished line
                pending.append(chunk)
                size += len(chunk)
                _check_line(size)
                continue
            pending.append(lines[0])
            lines[0] = b"".join(pending)
            pending, size = [], 0
        if not ended:
            pending.append(lines.pop())
            size = len(pending[0])
            _check_line(size)
        after_cr = last == 13
        yield from lines
    if pending:
        yield b"".join(pending)   # a last line without a newline; the event layer decides


def _iter_events(lines):
    """Lines in, the data of each event out (bytes; multi-line data joined with \\n).

    Per the spec: lines starting with ':' are comments; "field: value" loses one leading
    space; an event is dispatched at a blank line, and only if it has data (so a block of
    only `retry:` or `id:` yields nothing); an unfinished event at end of file is dropped.
    The `event:` name is not needed by chat APIs and is ignored.
    """
    data, size = [], 0
    for line in lines:
        if not line:
            if data:
                yield data[0] if len(data) == 1 else b"\n".join(data)
                data, size = [], 0
            continue
        name, _, value = line.partition(b":")
        if name == b"data":
            data.append(value[1:] if value[:1] == b" " else value)
            size += len(line)
            if size > MAX_EVENT_BYTES:
                _check_line(size)
        # Everything else (comments, event, id, retry, unknown fields) is ignored.


def _iter_json(events, provider: str):
    """Event data in, JSON objects out; [DONE] ends the stream, an error object raises."""
    for data in events:
        if data[:6] == b"[DONE]":
            return
        try:
            # The spec decodes streams as UTF-8 with replacement; doing it here also spares
            # json.loads its encoding detection.
            obj = json.loads(data.decode("utf-8", "replace"))
        except RecursionError:
            raise OpenAICompatError("%s sent a stream event nested too deeply to read"
                                    % provider) from None
        except ValueError:
            raise OpenAICompatError("%s sent a stream event that is not JSON: %r"
                                    % (provider, data[:200])) from None
        if not isinstance(obj, dict):
            raise OpenAICompatError("%s sent a stream event that is not an object: %r"
                                    % (provider, data[:200]))
        if obj.get("error"):   # {"error": {...}}, alone or on a finish_reason "error" chunk
            raise _api_error(obj, provider)
        yield obj


def _completion_as_chunk(data: dict) -> dict:
    """A server that ignored stream=True and sent a whole completion: the same answer as
    one chunk, so the caller's loop sees it like any stream."""
    chunk: dict[str, Any] = dict(data, object="chat.completion.chunk")
    chunk["choices"] = [dict(c, delta=_dict(c.get("message"))) for c in data["choices"]]
    return chunk


class ChatStream:
    """What chat(..., stream=True) returns: iterate for chunks; `.response` is everything
    received so far, joined into a ChatResponse (complete once iteration ends).

        with chat("Hi", model="mock:echo", stream=True) as stream:
            for chunk in stream:
                print(chunk.content, end="")
        print(stream.response.usage)

    The HTTP response is closed when the stream ends, fails, or is closed early."""

    def __init__(self, resp: requests.Response, objects: typing.Iterable[dict],
                 request: Request,
                 on_done: typing.Callable[[ChatResponse], None] | None = None) -> None:
        self.request = request
        self._http = resp
        self._acc = _Accumulator()
        self._on_done = on_done       # called once with the response, however the stream ends
        self._finished = False        # the stream ended as it should: its answer may be parsed
        self._chunks = self._generate(objects)

    def _generate(self, objects: typing.Iterable[dict]) -> Iterator[ChatCompletionChunk]:
        acc, count = self._acc, 0
        try:
            for obj in objects:
                acc.add(obj)
                count += 1
                yield ChatCompletionChunk(obj)
            if not count:
                raise OpenAICompatError("%s ended the stream without sending any chunk"
                                        % self.request.provider)
            self._finished = True
        except OpenAICompatError as exc:
            raise _scrub(exc, self.request.secret)
        except _MALFORMED as exc:
            raise _malformed(exc, self.request) from None
        finally:
            self.close()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        # A generator of our own per loop, so that a `break` out of `for chunk in stream`
        # (which drops it) closes the HTTP response at once, not when the stream is freed.
        yield from self._chunks

    def __next__(self) -> ChatCompletionChunk:
        return next(self._chunks)

    def __enter__(self) -> ChatStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()
        if self._on_done:           # a Budget counts what was used, also when cut short
            on_done, self._on_done = self._on_done, None
            on_done(self._joined())

    @property
    def response(self) -> ChatResponse:
        """Everything received so far as a ChatResponse; once the stream has ended, with
        `message.parsed` filled when a typed response_format was asked for."""
        response = self._joined()
        return _after_parse(response, self.request) if self._finished else response

    def _joined(self) -> ChatResponse:
        return _parse_chat(self._acc.body(), self.request.provider, self._http.headers)

    def text(self) -> str:
        """Read the whole stream and return the first choice's text."""
        for _ in self:
            pass
        return self.response.content or ""


class _Accumulator:
    """Joins stream chunks into the body a non-streamed call would have returned."""

    def __init__(self):
        self.top = {}          # id, model, created, system_fingerprint... first non-empty
        self.top_done = False  # id and model seen: later text chunks need no scan
        self.usage = None      # the last non-null usage: never a sum
        self.choices = {}      # index -> _ChoiceState

    def add(self, obj: dict) -> None:
        try:
            self._add(obj)
        except (AttributeError, TypeError, KeyError, ValueError):
            raise OpenAICompatError("malformed stream chunk: %s" % _readable(_json_text(obj))
                                    ) from None

    def _add(self, obj: dict) -> None:
        choices = obj.get("choices")
        if not self.top_done or not choices:
            # Metadata rides on the first chunks and on choice-less ones (Azure's filter
            # results, the usage chunk); skipping the scan elsewhere keeps text chunks cheap.
            top = self.top
            for key, value in obj.items():
                if key not in top and value and key != "choices" and key != "usage":
                    top[key] = value
            self.top_done = "id" in top and "model" in top
        usage = _chunk_usage(obj)
        if usage:
            self.usage = usage
        for c in choices or ():
            index = _choice_index(c)
            state = self.choices.get(index)
            if state is None:
                state = self.choices[index] = _ChoiceState()
            state.add(c)

    def body(self) -> dict:
        body = dict(self.top, object="chat.completion", usage=self.usage)
        body["choices"] = [{"index": i, "message": s.message(), "finish_reason": s.finish_reason,
                            "logprobs": s.logprobs} for i, s in sorted(self.choices.items())]
        return body


def _choice_index(c: dict) -> int:
    index = c.get("index", 0)
    return index if index.__class__ is int else _int(index) or 0   # null, "0", 1.5: 0


class _ChoiceState:
    """What one choice of a stream has said so far."""
    __slots__ = ("role", "content", "reasoning", "reasoning_key", "refusal", "tool_calls",
                 "index_of_id", "finish_reason", "logprobs")

    def __init__(self):
        self.role = self.finish_reason = self.logprobs = None
        # Text goes into UTF-8 bytearrays: memory grows with the text, not with the number
        # of chunks (a list of 100,000 one-word strings costs ten times the text, and so,
        # until it joins them, does io.StringIO).
        self.content = self.reasoning = self.refusal = None
        self.reasoning_key = "reasoning_content"
        self.tool_calls = {}   # index -> {"id", "type", "function": {"name", "arguments"}},
        #                        arguments in a bytearray too: a call's arguments come in
        #                        thousands of fragments, and str += copies them each time
        self.index_of_id = {}  # tool call id -> index, for servers that send no index

    def add(self, c: dict) -> None:
        # Walk the delta's own keys: most deltas hold one ("content"), so this costs one
        # step per chunk where asking for each field we know would cost six.
        for key, value in (c.get("delta") or _EMPTY).items():
            if value is None:
                continue
            if key == "content":
                if value.__class__ is not str:       # content parts (Mistral)
                    self.add_parts(value)
                    continue
                self.content = self.write(self.content, value)
            elif key == "role":
                self.role = value
            elif key == "tool_calls":
                self.add_tool_calls(value)
            elif key == "refusal":
                self.refusal = self.write(self.refusal, value)
            elif key == "reasoning_content" or key == "reasoning":
                self.reasoning = self.write(self.reasoning, value)
                self.reasoning_key = key
        finish_reason = c.get("finish_reason")
        if finish_reason:
            self.finish_reason = finish_reason
        logprobs = c.get("logprobs")
        if logprobs:
            self.add_logprobs(logprobs)

    @staticmethod
    def write(buffer, text: str):
        if buffer is None:
            buffer = bytearray()
        # A non-string fails here and is reported as a malformed chunk. "surrogatepass":
        # a \ud83d escape may arrive in one chunk and its pair in the next.
        buffer += text.encode("utf-8", "surrogatepass")
        return buffer

    def add_parts(self, parts) -> None:
        text, thinking = _content_text(parts), _thinking(parts)
        if text:
            self.content = self.write(self.content, text)
        if thinking:
            self.reasoning = self.write(self.reasoning, thinking)

    def add_tool_calls(self, fragments: list) -> None:
        """Merge by index: id/type/name from the first fragment, arguments concatenated.
        A server that omits index sends each call whole: a new id starts a new call."""
        for frag in fragments:
            index = _int(frag.get("index"))
            if index is None:          # found by id in a dict: linear in the fragments
                index = self.index_of_id.setdefault(frag.get("id"), len(self.tool_calls))
            call = self.tool_calls.get(index)
            if call is None:
                call = self.tool_calls[index] = {"id": None, "type": None, "function": {
                    "name": None, "arguments": bytearray()}}
            call["id"] = call["id"] or _str(frag.get("id"))
            call["type"] = call["type"] or _str(frag.get("type"))
            f = _dict(frag.get("function"))
            call["function"]["name"] = call["function"]["name"] or _str(f.get("name"))
            call["function"]["arguments"] += (_str(f.get("arguments")) or "").encode(
                "utf-8", "surrogatepass")

    def add_logprobs(self, logprobs: dict) -> None:
        if self.logprobs is None:
            self.logprobs = {}   # "content" / "refusal" -> token list
        for key, value in logprobs.items():
            if isinstance(value, list):
                self.logprobs.setdefault(key, []).extend(value)

    def message(self) -> dict:
        msg: dict[str, Any] = {"role": self.role or "assistant",
                               "content": _buffer_text(self.content)}
        if self.reasoning is not None:
            msg[self.reasoning_key] = _buffer_text(self.reasoning)
        if self.refusal is not None:
            msg["refusal"] = _buffer_text(self.refusal)
        if self.tool_calls:
            msg["tool_calls"] = [self.tool_call(i) for i in sorted(self.tool_calls)]
        return msg

    def tool_call(self, index: int) -> dict:
        call = self.tool_calls[index]
        return {"id": call["id"], "type": call["type"], "function": {
            "name": call["function"]["name"],
            "arguments": _buffer_text(call["function"]["arguments"])}, "index": index}


# Usage in streams, in one place: asked for (_build), dropped where a server refuses it
# (_start_stream), read from the chunks (_Accumulator, ChatCompletionChunk.usage). When a
# stream ends without it, a Budget estimates it (Part III, _estimated_usage).

def _asks_for_usage(p: Provider, url: str, body: dict, wanted: bool) -> bool:
    """Ask for usage in a stream unless the caller chose stream_options (as a keyword or in
    extra_body), the provider takes none, or this server already refused it."""
    return (wanted and "stream_options" not in body and p.stream_usage
            and (p.name, url) not in _NO_STREAM_USAGE)


# (provider name, URL) pairs whose server refused stream_options: asked once per process.
_NO_STREAM_USAGE: set = set()


def _names_stream_options(exc: APIError) -> bool:
    return "stream_options" in "%s %s %s" % (exc.message, exc.param, _json_text(exc.body))


def _without_usage(req: Request) -> Request:
    """The request without the stream_options we added; remembered for this server."""
    _NO_STREAM_USAGE.add((req.provider, req.url))
    body = {k: v for k, v in (req.json or {}).items() if k != "stream_options"}
    return dataclasses.replace(req, json=body, stream_usage_added=False, body=None)


def _chunk_usage(obj: dict):
    # Groq also sends usage inside x_groq (older streams only there); count it once.
    return obj.get("usage") or (obj.get("x_groq") or _EMPTY).get("usage")


# -------------------------------------------------------------------------------------------------
# I.11 The other endpoints: model lists and embeddings


def list_models(provider: str | Provider | None = None, *, api_key: str | None = None,
                base_url: str | None = None, api_version: str | None = None,
                session: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT,
                max_retries: int = DEFAULT_MAX_RETRIES,
                headers: Mapping[str, str] | None = None) -> list[str]:
    """Model ids the server offers: GET {base}/models (Ollama: its native /api/tags).

        >>> list_models("mock")
        ['echo']
    """
    return [m.id or "" for m in _list_models(provider, api_key, base_url, api_version, session,
                                             timeout, max_retries, headers)]


def _list_models(provider, api_key, base_url, api_version, session, timeout, max_retries,
            headers, query=None) -> list[Model]:
    _check_call(timeout, max_retries, session, None)
    p = _provider_for(provider, base_url)
    url, key, hdrs = _prepare(p, None, base_url, api_key, api_version, "/models", headers)
    req = Request("GET", _with_query(url, query), hdrs, None, provider=p.name, secret=key)
    if p.url_shape == "ollama":      # Ollama's native list: {"models": [{"name": ...}]}
        return _fetch(req, session, timeout, max_retries, "models", "a model list",
                      lambda data: [Model(_str(m.get("name")) or _str(m.get("model")) or "",
                                          owned_by="library", raw=m) for m in data["models"]])
    return _fetch(req, session, timeout, max_retries, "data", "a model list",
                  lambda data: [Model(_str(m.get("id")) or "", _int(m.get("created")),
                                      _str(m.get("owned_by")), _str(m.get("object")) or "model",
                                      m, _str(m.get("shutdown_date"))) for m in data["data"]])


def _fetch(req: Request, session: requests.Session | None, timeout: Timeout, max_retries: int,
           key: str, what: str, parse: typing.Callable[[dict], Any]) -> Any:
    """Send a request other than chat; its answer must hold a list of objects at `key`;
    parse(answer) is the result."""
    def checked(data, resp):
        _check_shape(data, key, what, req.provider)
        if not all(isinstance(item, dict) for item in data[key]):
            raise OpenAICompatError("%s did not send %s: %s"
                                    % (req.provider, what, _readable(data[key])))
        return parse(data)
    return _call(req, _session_for(req, session), timeout, max_retries, checked)


def embed(input: str | list[str], model: str, *, provider: str | Provider | None = None,
          api_key: str | None = None, base_url: str | None = None,
          api_version: str | None = None, dimensions: int | None = None,
          encoding_format: str | None = None, user: str | None = None,
          headers: Mapping[str, str] | None = None,
          extra_headers: Mapping[str, str] | None = None,
          extra_query: Mapping[str, str] | None = None,
          extra_body: Mapping[str, Any] | None = None, session: requests.Session | None = None,
          timeout: Timeout = DEFAULT_TIMEOUT,
          max_retries: int = DEFAULT_MAX_RETRIES) -> EmbeddingResponse:
    """Embed a string or a list of strings; `.data[i].embedding` (or `.embeddings`) in input
    order. encoding_format="base64" gives base64 strings instead of lists of floats.

        >>> len(embed(["a", "b"], model="mock:any").embeddings)
        2
    """
    if not (isinstance(input, str) or (isinstance(input, list) and input
                                       and all(isinstance(s, str) for s in input))):
        raise TypeError("input must be a string or a non-empty list of strings")
    if dimensions is not None:
        _check_number("dimensions", dimensions, 1, None, integer=True)
    _check_call(timeout, max_retries, session, None)
    p, name = _provider_and_model(model, provider, base_url)
    if not p.embeddings:
        raise OpenAICompatError("%s has no embeddings endpoint; use another provider for "
                                "embeddings" % p.name)
    url, key, hdrs = _prepare(p, name, base_url, api_key, api_version, "/embeddings",
                              _merged(headers, extra_headers))
    body: dict[str, Any] = {"model": name, "input": input}
    fields = {"dimensions": dimensions, "encoding_format": encoding_format, "user": user}
    body.update((k, v) for k, v in fields.items() if v is not None)
    body.update(extra_body or {})
    req = Request("POST", _with_query(url, extra_query), hdrs, body, provider=p.name,
                  secret=key)
    return _fetch(req, session, timeout, max_retries, "data", "embeddings",
                  lambda data: _embeddings(data, p.name))


def _embeddings(data: dict, provider: str) -> EmbeddingResponse:
    items = sorted((Embedding(d.get("embedding"), _index(d, i))
                    for i, d in enumerate(data["data"])), key=lambda e: e.index)
    return EmbeddingResponse(items, _str(data.get("model")), _usage(data.get("usage")), data,
                             provider=provider)


# =================================================================================================
# Part II: the SDK-shaped client
# =================================================================================================


# -------------------------------------------------------------------------------------------------
# II.1 The OpenAI client: the official SDK's shape over Part I, so a script written for
# `openai` runs when its import line changes. It holds defaults; every call goes through
# chat(), embed() and list_models(), with the same checks and errors.


# The SDK's client defaults (openai/_constants.py): 2 retries; 5 s to connect, 600 to read.
SDK_MAX_RETRIES = 2
SDK_TIMEOUT = (5.0, 600.0)


class _TimeoutLike(typing.Protocol):
    """httpx.Timeout's shape (the SDK's openai.Timeout): seconds, or None for no limit."""
    connect: float | None
    read: float | None


class _Unset:
    """with_options(timeout=None) means "no limit"; leaving it out means "unchanged"."""


_UNSET = _Unset()


def _org_headers(organization: str | None, project: str | None) -> dict[str, str]:
    return {name: value for name, value in (("OpenAI-Organization", organization),
                                            ("OpenAI-Project", project)) if value}


def _seconds(timeout: Any) -> Any:
    """A timeout as requests takes it: an httpx-style object becomes (connect, read)."""
    if hasattr(timeout, "connect") and hasattr(timeout, "read"):
        return (timeout.connect, timeout.read)
    return timeout


class OpenAI:
    """A client shaped like the official SDK's `openai.OpenAI`:

        client = OpenAI()                       # OPENAI_API_KEY, OPENAI_BASE_URL
        completion = client.chat.completions.create(model="gpt-4o-mini",
                                                    messages=[{"role": "user", "content": "Hi"}])
        print(completion.choices[0].message.content)

    Arguments as the SDK's (api_key, organization, project, base_url, timeout, max_retries,
    default_headers, default_query), plus ours: provider (any row of PROVIDERS, e.g.
    "groq"), session and budget. What is not given comes from the environment as the SDK
    reads it: OPENAI_API_KEY (or the provider's own variable), OPENAI_BASE_URL,
    OPENAI_ORG_ID, OPENAI_PROJECT_ID. Defaults are the SDK's: 2 retries, 5 s to connect
    and 600 s to read (chat() keeps its own). timeout may be seconds, (connect, read), or
    an httpx-style object with .connect and .read (its .write and .pool do not apply to
    requests). Through the client, a stream carries only the stream_options you give, as
    the SDK's does (chat() asks for usage by default). The client owns its connections:
    close() them, or use `with OpenAI() as client:`.
    """

    def __init__(self, *, api_key: str | None = None, organization: str | None = None,
                 project: str | None = None, base_url: str | None = None,
                 timeout: Timeout | _TimeoutLike = SDK_TIMEOUT,
                 max_retries: int = SDK_MAX_RETRIES,
                 default_headers: Mapping[str, str] | None = None,
                 default_query: Mapping[str, str] | None = None,
                 provider: str | Provider | None = None, session: requests.Session | None = None,
                 budget: Budget | None = None) -> None:
        _check_call(_seconds(timeout), max_retries, session, budget)
        row = _provider_for(provider, base_url)
        if api_key is None and row.key_env and not os.environ.get(row.key_env):
            # As the SDK: at construction, not at the first call.
            raise OpenAIError("The api_key client option must be set either by passing "
                              "api_key to the client or by setting the %s environment "
                              "variable" % row.key_env)
        headers = _org_headers(organization or os.environ.get("OPENAI_ORG_ID"),
                               project or os.environ.get("OPENAI_PROJECT_ID"))
        headers.update(_merged(default_headers) or {})
        self.provider = provider
        self.api_key, self.organization, self.project = api_key, organization, project
        self.base_url, self.timeout, self.max_retries = base_url, timeout, max_retries
        self.default_headers, self.default_query = headers, dict(default_query or {})
        self.session, self.budget = session, budget
        self._own: list[requests.Session] = []     # the session made for this client
        self._closed = False
        self._attach()

    def _attach(self) -> None:
        """The resources, bound to this client (made again for each with_options copy)."""
        self.chat = _ChatResource(self)
        self.models = _ModelsResource(self)
        self.embeddings = _EmbeddingsResource(self)
        self.beta = _BetaResource(self)         # the SDK's older home of parse() and stream()

    def __repr__(self) -> str:
        return "OpenAI(provider=%r, base_url=%r)" % (getattr(self.provider, "name",
                                                             self.provider), self.base_url)

    def with_options(self, *, api_key: str | None = None, organization: str | None = None,
                     project: str | None = None, base_url: str | None = None,
                     timeout: Timeout | _TimeoutLike | _Unset = _UNSET,
                     max_retries: int | None = None,
                     default_headers: Mapping[str, str] | None = None,
                     set_default_headers: Mapping[str, str] | None = None,
                     default_query: Mapping[str, str] | None = None,
                     set_default_query: Mapping[str, str] | None = None,
                     provider: str | Provider | None = None,
                     session: requests.Session | None = None,
                     budget: Budget | None = None) -> OpenAI:
        """A new client with these settings changed, sharing this one's connections (the
        SDK's copy()): default_headers and default_query are merged into this client's,
        set_default_headers and set_default_query replace them."""
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("give default_headers or set_default_headers, not both")
        if default_query is not None and set_default_query is not None:
            raise ValueError("give default_query or set_default_query, not both")
        new = copy.copy(self)
        _check_call(_seconds(self.timeout if isinstance(timeout, _Unset) else timeout),
                    self.max_retries if max_retries is None else max_retries, session, budget)
        for name, value in (("api_key", api_key), ("base_url", base_url),
                            ("max_retries", max_retries), ("provider", provider),
                            ("session", session), ("budget", budget)):
            if value is not None:
                setattr(new, name, value)
        if not isinstance(timeout, _Unset):
            new.timeout = timeout
        new.default_headers = dict(set_default_headers) if set_default_headers is not None \
            else dict(self.default_headers, **_org_headers(organization, project),
                      **(default_headers or {}))
        new.default_query = dict(set_default_query) if set_default_query is not None \
            else dict(self.default_query, **(default_query or {}))
        new._attach()
        return new

    copy = with_options

    def close(self) -> None:
        """Close the connections this client opened (not a session= you gave it)."""
        self._closed = True
        while self._own:
            self._own.pop().close()

    def is_closed(self) -> bool:
        return self._closed

    def __enter__(self) -> OpenAI:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self) -> requests.Session:
        if self._closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        if self.session is not None:
            return self.session
        if not self._own:
            self._own.append(_new_session())
        return self._own[0]

    def _defaults(self, kwargs: Mapping[str, Any], known: typing.AbstractSet[str]
                  ) -> dict[str, Any]:
        """The client's settings under a call's own keywords (which win; headers merge)."""
        _check_keywords(kwargs, known)
        args: dict[str, Any] = dict(provider=self.provider, api_key=self.api_key,
                                    base_url=self.base_url, max_retries=self.max_retries)
        args.update(kwargs)
        args["timeout"] = _seconds(kwargs.get("timeout", self.timeout))
        args["session"] = kwargs.get("session") or self._session()
        args["extra_headers"] = _merged(self.default_headers, kwargs.get("extra_headers"))
        args["extra_query"] = _merged(self.default_query, kwargs.get("extra_query"))
        return args


Client = OpenAI     # the SDK's other name for it

class _ChatResource:
    def __init__(self, client: OpenAI) -> None:
        self.completions = _ChatCompletions(client)


class _BetaResource:
    def __init__(self, client: OpenAI) -> None:
        self.chat = client.chat


class _ChatCompletions:
    """client.chat.completions: create(), parse() and stream(), and the SDK's views of the
    HTTP response (with_raw_response, with_streaming_response)."""

    def __init__(self, client: OpenAI) -> None:
        self._client = client
        if TYPE_CHECKING:
            self.create = chat          # checkers see chat()'s keywords and overloads
            self.parse = chat
        else:
            self.create = functools.wraps(chat)(   # and help() shows them too
                lambda **kwargs: self._create(**kwargs))
            # The SDK's parse(): create() that fills choices[i].message.parsed from a typed
            # response_format, and raises LengthFinishReasonError or
            # ContentFilterFinishReasonError for an answer cut off or filtered. It answers
            # with the SDK's ParsedChatCompletion, which prints as such.
            self.parse = functools.wraps(chat)(
                lambda **kwargs: _as_parsed(self._create(parse=True, **kwargs)))
        self.with_raw_response = _Responses(client, self._create, _LegacyAPIResponse)
        self.with_streaming_response = _Responses(client, self._create, APIResponse)

    def stream(self, **params: Unpack[_StreamArgs]) -> ChatCompletionStreamManager:
        """The SDK's stream helper: `with client.chat.completions.stream(...) as stream:`
        sends a streamed request and yields events (chunk, content.delta, content.done,
        refusal.*, tool_calls.function.arguments.*, logprobs.*);
        stream.get_final_completion() is the whole answer, parsed as parse() does."""
        if "stream" in params:
            raise TypeError("stream() streams already: leave out stream=")
        args = dict(params)
        return ChatCompletionStreamManager(lambda: self._create(parse="stream", stream=True,
                                                                **args))

    def _create(self, parse: bool | str = False, **kwargs: Any) -> Any:
        args = self._client._defaults(kwargs, _CHAT_PARAMETERS)
        if self._client.budget is not None and "budget" not in kwargs:
            args["budget"] = self._client.budget
        args["parse"] = parse           # read by Part III's _parse_rules
        return _chat(args, stream_usage=False)


class _StreamArgs(ChatArgs, total=False):
    messages: Required[Messages]
    model: Required[str]


class _CreateArgs(_StreamArgs, total=False):
    stream: bool


class _ModelsResource:
    def __init__(self, client: OpenAI) -> None:
        self._client = client

    def list(self, *, extra_headers: Mapping[str, str] | None = None,
             extra_query: Mapping[str, str] | None = None,
             timeout: Timeout | _TimeoutLike | None = None) -> ModelList:
        c = self._client
        return ModelList(_list_models(c.provider, c.api_key, c.base_url, None, c._session(),
                                      _seconds(timeout or c.timeout), c.max_retries,
                                      _merged(c.default_headers, extra_headers),
                                      _merged(c.default_query, extra_query)))


class _EmbeddingsResource:
    def __init__(self, client: OpenAI) -> None:
        self._client = client
        if TYPE_CHECKING:
            self.create = embed
        else:
            self.create = functools.wraps(embed)(lambda **kwargs: self._create(**kwargs))

    def _create(self, **kwargs: Any) -> EmbeddingResponse:
        return embed(**self._client._defaults(kwargs, _EMBED_PARAMETERS))


def _parameters(function: typing.Callable[..., Any]) -> tuple[str, ...]:
    code = function.__code__
    return code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]


_EMBED_PARAMETERS = frozenset(_parameters(embed))


# -------------------------------------------------------------------------------------------------
# II.2 The HTTP response behind an answer (the SDK's with_raw_response and
# with_streaming_response): headers, status, timing, the body's bytes, and parse() for the
# object create() would have returned. The call runs as create() does, with a session that
# notes each HTTP response it hands over.


class _Noting:
    """A session that notes the responses it returns; everything else is the session's."""

    def __init__(self, session: requests.Session) -> None:
        self._session = session
        self.responses: list[requests.Response] = []

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        response = self._session.request(*args, **kwargs)
        self.responses.append(response)
        return response

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


class URL(str):
    """A URL string with the parts httpx's URL has (url.path, url.host...)."""
    path = property(lambda self: urlsplit(self).path)
    host = property(lambda self: urlsplit(self).hostname or "")
    scheme = property(lambda self: urlsplit(self).scheme)
    query = property(lambda self: urlsplit(self).query.encode())


class APIResponse:
    """The HTTP response of one call (the SDK's LegacyAPIResponse and APIResponse):
    headers, status_code, http_response (the requests.Response), request_id,
    retries_taken, method, url, elapsed; the body as content / read(), text, json(),
    iter_bytes(), iter_text(), iter_lines(); and parse(), the object create() would
    have returned (the stream, for stream=True).

    With with_raw_response, text and content are attributes (as on the SDK's legacy
    response); with with_streaming_response, text() and the iterators are methods and
    is_closed turns True when the `with` block ends. The body was read, within the call's
    limits, before either is returned: only stream=True answers are read as you iterate."""
    _streaming = True          # open until the `with` block ends

    def __init__(self, result: Any, noted: list[requests.Response]) -> None:
        self._result = result
        self.http_response = noted[-1]
        self.retries_taken = len(noted) - 1
        self.method = self.http_response.request.method or "POST"
        self.url = URL(self.http_response.url)
        self.headers = self.http_response.headers
        self.status_code = self.http_response.status_code
        self.elapsed = self.http_response.elapsed
        self.http_version = "HTTP/1.1"
        self.is_closed = not self._streaming

    def __repr__(self) -> str:
        # The standard reason phrase, not the server's: a server could put anything there.
        return "<APIResponse [%d %s] type=%s>" % (
            self.status_code, http.client.responses.get(self.status_code, ""),
            type(self._result))

    @property
    def request_id(self) -> str | None:
        return self.headers.get("x-request-id")

    def parse(self, *, to: type | None = None) -> Any:
        """The object create() would have returned (the same one each time)."""
        return self._result

    @property
    def content(self) -> bytes:
        return self.read()

    def read(self) -> bytes:
        if isinstance(self._result, ChatStream):    # its body is read, bounded, by the stream
            raise TypeError("a streamed answer is read by iterating parse(), not as bytes")
        return self.http_response.content

    def json(self) -> Any:
        return json.loads(self.read())

    def text(self) -> str:          # a method here; an attribute for with_raw_response
        return self.read().decode("utf-8", "replace")

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        body = self.read()
        step = chunk_size or len(body) or 1
        return (body[i:i + step] for i in range(0, len(body), step))

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return (part.decode("utf-8", "replace") for part in self.iter_bytes(chunk_size))

    def iter_lines(self) -> Iterator[str]:
        return iter(self.text().splitlines())

    def close(self) -> None:
        self.is_closed = True
        close = getattr(self._result, "close", None)
        if self._streaming and callable(close):
            close()

    def __enter__(self) -> APIResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _LegacyAPIResponse(APIResponse):
    _streaming = False         # read and closed when returned
    text = property(APIResponse.text)     # type: ignore[assignment]


_A = typing.TypeVar("_A", bound=APIResponse)


class _Responses(typing.Generic[_A]):
    """.with_raw_response (answering a _LegacyAPIResponse) and .with_streaming_response (an
    APIResponse, for `with ... as response:`): the same call, through a noting session."""

    def __init__(self, client: OpenAI, create: typing.Callable[..., Any],
                 kind: type[_A]) -> None:
        self._client, self._create, self._kind = client, create, kind

    def create(self, **params: Unpack[_CreateArgs]) -> _A:
        if params.get("session") is not None:
            raise TypeError("session= is not taken here: give it to the client")
        noting = _Noting(self._client._session())
        result = self._create(**dict(params, session=noting))
        return self._kind(result, noting.responses)


# -------------------------------------------------------------------------------------------------
# II.3 The SDK's stream helper: client.chat.completions.stream(...) as a `with` block whose
# stream yields typed events, and parse()'s answers under the SDK's Parsed* names. The
# parsing itself is Part III's (structured outputs).


class ParsedChatCompletion(ChatCompletion):
    """What parse() and the stream helper answer: a ChatCompletion, printed with the SDK's
    name for it."""
    __slots__ = ()
    _sdk_name = "ParsedChatCompletion[~ResponseFormatT]"


class ParsedChoice(Choice):
    __slots__ = ()
    _sdk_name = "ParsedChoice[~ResponseFormatT]"


class ParsedChatCompletionMessage(ChatCompletionMessage):
    __slots__ = ()
    _sdk_name = "ParsedChatCompletionMessage[~ResponseFormatT]"
    _shown = ChatCompletionMessage._shown + ("parsed",)


class ParsedFunctionToolCall(ChatCompletionMessageFunctionToolCall):
    pass


class ParsedFunction(Function):
    _shown = ("arguments", "name", "parsed_arguments")


_PARSED = {ChatCompletion: ParsedChatCompletion, Choice: ParsedChoice,
           ChatCompletionMessage: ParsedChatCompletionMessage,
           ChatCompletionMessageFunctionToolCall: ParsedFunctionToolCall,
           Function: ParsedFunction}


def _as_parsed(response: Any) -> Any:
    """A completion's records switched to their Parsed* classes (same fields: only the
    printed names differ); anything else (a stream) as it is."""
    if isinstance(response, ChatCompletion):
        records: list[Any] = [response]
        for choice in response.choices:
            records += [choice, choice.message]
            for call in choice.message.tool_calls or ():
                records += [call, call.function]
        for record in records:
            record.__class__ = _PARSED.get(type(record), type(record))
    return response


class ChatCompletionStreamEvent:
    """One event of the stream helper; `type` says which, and which fields it has:

    chunk: chunk, snapshot (the completion so far) | content.delta: delta, snapshot (the
    text so far), parsed (with a typed response_format: the JSON so far, partly parsed) |
    content.done: content, parsed | refusal.delta: delta, snapshot | refusal.done: refusal
    | tool_calls.function.arguments.delta: name, index, arguments (so far),
    parsed_arguments, arguments_delta | tool_calls.function.arguments.done: name, index,
    arguments, parsed_arguments | logprobs.content.delta: content, snapshot |
    logprobs.content.done: content."""
    type: str
    chunk: ChatCompletionChunk
    snapshot: Any
    delta: str
    content: Any
    parsed: Any
    refusal: str
    name: str
    index: int
    arguments: str
    parsed_arguments: Any
    arguments_delta: str

    def __init__(self, type: str, **fields: Any) -> None:
        self.type = type
        vars(self).update(fields)

    if not TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any:
            # What grows with the answer (the text or JSON so far) is made when read: made
            # for every event, a long answer would cost O(n^2) (partial JSON, measured
            # 2026-12-02: ~0.4 us per character).
            later = vars(self).get("_later", {})
            if name in later:
                value = vars(self)[name] = later.pop(name)()
                return value
            raise AttributeError("%r event has no %r" % (self.type, name))

    def __repr__(self) -> str:
        for name in list(vars(self).get("_later", ())):
            getattr(self, name)
        return "%s(%s)" % (_EVENT_NAMES.get(self.type, "Event"), ", ".join(
            "%s=%r" % kv for kv in vars(self).items() if kv[0][0] != "_"))


def _partial_parsed(text: str) -> Any:
    """The JSON so far (None before any), or ParseError (a ValueError) if it is not JSON."""
    if not text.strip():
        return None
    try:
        return _partial_json(text)
    except (ValueError, RecursionError) as exc:
        raise ParseError("the answer so far is not JSON (%s)" % exc) from None


_EVENT_NAMES = {"chunk": "ChunkEvent", "content.delta": "ContentDeltaEvent",
                "content.done": "ContentDoneEvent", "refusal.delta": "RefusalDeltaEvent",
                "refusal.done": "RefusalDoneEvent",
                "tool_calls.function.arguments.delta": "FunctionToolCallArgumentsDeltaEvent",
                "tool_calls.function.arguments.done": "FunctionToolCallArgumentsDoneEvent",
                "logprobs.content.delta": "LogprobsContentDeltaEvent",
                "logprobs.content.done": "LogprobsContentDoneEvent"}


class ChatCompletionStreamManager:
    """What stream() returns: the request is sent when the `with` block starts."""

    def __init__(self, start: typing.Callable[[], ChatStream]) -> None:
        self._start = start
        self._stream: ChatCompletionStream | None = None

    def __enter__(self) -> ChatCompletionStream:
        self._stream = ChatCompletionStream(self._start())
        return self._stream

    def __exit__(self, *exc: object) -> None:
        if self._stream is not None:
            self._stream.close()


class ChatCompletionStream:
    """The stream helper's stream: iterate for events; get_final_completion() reads to the
    end and returns the whole answer (message.parsed filled, as parse() does).

    Events are made from what the stream has joined so far (Part I's accumulator), at a
    cost per chunk that does not grow with the answer: an event's snapshot and parsed
    (the text or JSON so far) are made when you read them. A chunk event's snapshot is the
    whole answer as it stands when read."""

    def __init__(self, stream: ChatStream) -> None:
        self._stream = stream
        self._done: set[int] = set()      # choices whose *.done events were sent
        self._events = self._generate()

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent]:
        yield from self._events

    def __next__(self) -> ChatCompletionStreamEvent:
        return next(self._events)

    def close(self) -> None:
        self._stream.close()

    def until_done(self) -> ChatCompletionStream:
        for _ in self:
            pass
        return self

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion:
        return _as_parsed(self._stream._joined())

    def get_final_completion(self) -> ParsedChatCompletion:
        self.until_done()
        return _as_parsed(self._stream.response)

    def _generate(self) -> Iterator[ChatCompletionStreamEvent]:
        stream = self._stream
        parsing = stream.request.parsing
        for chunk in stream:
            yield ChatCompletionStreamEvent("chunk", chunk=chunk, _later={
                "snapshot": lambda: self.current_completion_snapshot})
            for c in _dicts(chunk.raw.get("choices")):
                index = _choice_index(c)
                with _scrubbing(stream.request.secret):
                    yield from _choice_events(c, stream._acc.choices[index], parsing)
                    if c.get("finish_reason") and index not in self._done:
                        self._done.add(index)
                        yield from _done_events(stream._acc.choices[index], parsing)


def _so_far(buffer: bytearray) -> typing.Callable[[], str]:
    """The text a buffer holds now, read later (the buffer only grows)."""
    size = len(buffer)
    return lambda: _buffer_text(buffer[:size]) or ""


def _json_so_far(text: typing.Callable[[], str], typed: bool) -> typing.Callable[[], Any]:
    """The partial JSON of that text, read later: only for a typed response_format/tool."""
    return lambda: _partial_parsed(text()) if typed else None


def _choice_events(c: dict, state: _ChoiceState, parsing: _Parsing | None
                   ) -> Iterator[ChatCompletionStreamEvent]:
    """The *.delta events one chunk's choice makes, in the SDK's order; `state` is that
    choice so far."""
    delta, event = _dict(c.get("delta")), ChatCompletionStreamEvent
    if _str(delta.get("content")) is not None and state.content is not None:
        text = _so_far(state.content)
        typed = parsing is not None and parsing.output is not None and state.refusal is None
        yield event("content.delta", delta=delta["content"], _later={
            "snapshot": text, "parsed": _json_so_far(text, typed)})
    if _str(delta.get("refusal")) is not None and state.refusal is not None:
        yield event("refusal.delta", delta=delta["refusal"],
                    _later={"snapshot": _so_far(state.refusal)})
    for part in _dicts(delta.get("tool_calls")):
        index = _int(part.get("index"))
        index = state.index_of_id.get(part.get("id"), 0) if index is None else index
        call = state.tool_calls.get(index)
        if call is not None:
            name, arguments = call["function"]["name"], _so_far(call["function"]["arguments"])
            typed = parsing is not None and name in parsing.tools
            yield event("tool_calls.function.arguments.delta", name=name, index=index,
                        arguments_delta=_str(_dict(part.get("function")).get("arguments"))
                        or "", _later={"arguments": arguments,
                                       "parsed_arguments": _json_so_far(arguments, typed)})
    tokens = _token_logprobs(_dict(c.get("logprobs")).get("content"))
    so_far = (state.logprobs or {}).get("content")
    if tokens and so_far:
        size = len(so_far)
        yield event("logprobs.content.delta", content=tokens,
                    _later={"snapshot": lambda: _token_logprobs(so_far[:size])})


def _done_events(state: _ChoiceState, parsing: _Parsing | None
                 ) -> Iterator[ChatCompletionStreamEvent]:
    """The *.done events of a choice, once, when it says its finish_reason."""
    event = ChatCompletionStreamEvent
    content, refusal = _buffer_text(state.content), _buffer_text(state.refusal)
    if content is not None:
        yield event("content.done", content=content, parsed=_parsed(
            content, parsing.output, parsing) if parsing is not None and parsing.output
            is not None and refusal is None else None)
    if refusal is not None:
        yield event("refusal.done", refusal=refusal)
    for index in sorted(state.tool_calls):
        function = state.tool_call(index)["function"]
        kind = parsing.tools.get(function["name"]) if parsing is not None else None
        yield event("tool_calls.function.arguments.done", name=function["name"], index=index,
                    arguments=function["arguments"], parsed_arguments=None if kind is None
                    else _parsed(function["arguments"], kind, _tool_parsing(kind)))
    tokens = _token_logprobs((state.logprobs or {}).get("content"))
    if tokens:
        yield event("logprobs.content.done", content=tokens)


# -------------------------------------------------------------------------------------------------
# II.4 AzureOpenAI: the SDK's Azure client over the "azure" row: an endpoint, an
# api-version, a deployment (in the URL; the body keeps `model`), and a key or an Entra ID
# (Azure AD) token, or a function that returns a fresh one for each request.


class AzureOpenAI(OpenAI):
    """The SDK's AzureOpenAI:

        client = AzureOpenAI(api_version="2024-10-21",
                             azure_endpoint="https://example.openai.azure.com")
        client.chat.completions.create(model="my-deployment", messages=[...])

    Read from the environment as the SDK reads them: AZURE_OPENAI_API_KEY,
    AZURE_OPENAI_AD_TOKEN, OPENAI_API_VERSION, AZURE_OPENAI_ENDPOINT."""

    def __init__(self, *, api_version: str | None = None, azure_endpoint: str | None = None,
                 azure_deployment: str | None = None, api_key: str | None = None,
                 azure_ad_token: str | None = None,
                 azure_ad_token_provider: typing.Callable[[], str] | None = None,
                 organization: str | None = None, project: str | None = None,
                 base_url: str | None = None,
                 timeout: Timeout | _TimeoutLike = SDK_TIMEOUT,
                 max_retries: int = SDK_MAX_RETRIES,
                 default_headers: Mapping[str, str] | None = None,
                 default_query: Mapping[str, str] | None = None,
                 session: requests.Session | None = None, budget: Budget | None = None
                 ) -> None:
        api_version = api_version or os.environ.get("OPENAI_API_VERSION")
        if not api_version:
            raise ValueError("Must provide either the `api_version` argument or the "
                             "`OPENAI_API_VERSION` environment variable")
        base_url = _azure_base(base_url, azure_endpoint, azure_deployment)
        if api_key is None and azure_ad_token is None and azure_ad_token_provider is None:
            api_key = os.environ.get("AZURE_OPENAI_API_KEY")
            azure_ad_token = os.environ.get("AZURE_OPENAI_AD_TOKEN")
        given = [k for k in (api_key, azure_ad_token, azure_ad_token_provider) if k]
        if not given:
            raise OpenAIError("Missing credentials. Please pass one of `api_key`, "
                              "`azure_ad_token`, `azure_ad_token_provider`, or the "
                              "`AZURE_OPENAI_API_KEY` or `AZURE_OPENAI_AD_TOKEN` "
                              "environment variables.")
        if len(given) > 1 and not (azure_ad_token and api_key and azure_ad_token ==
                                   os.environ.get("AZURE_OPENAI_AD_TOKEN")):
            raise MutuallyExclusiveAuthError()
        self.api_version, self.azure_ad_token = api_version, azure_ad_token
        self.azure_ad_token_provider = azure_ad_token_provider
        row = PROVIDERS["azure"] if api_key and not (azure_ad_token or azure_ad_token_provider) \
            else dataclasses.replace(PROVIDERS["azure"], auth="bearer", key_env="")
        super().__init__(api_key=api_key, organization=organization, project=project,
                         base_url=base_url, timeout=timeout, max_retries=max_retries,
                         default_headers=default_headers, default_query=default_query,
                         provider=row, session=session, budget=budget)

    def _defaults(self, kwargs: Mapping[str, Any], known: typing.AbstractSet[str]
                  ) -> dict[str, Any]:
        args = super()._defaults(kwargs, known)
        args.setdefault("api_version", self.api_version)
        if "api_key" not in kwargs and (self.azure_ad_token_provider or self.azure_ad_token):
            token = (self.azure_ad_token_provider or (lambda: self.azure_ad_token))()
            if not isinstance(token, str) or not token:
                raise ValueError("azure_ad_token_provider must return a token string, not %r"
                                 % type(token).__name__)
            args["api_key"] = token         # as Authorization: Bearer (the row says so)
        return args


class MutuallyExclusiveAuthError(OpenAIError):
    def __init__(self) -> None:
        super().__init__("The `api_key`, `azure_ad_token` and `azure_ad_token_provider` "
                         "arguments are mutually exclusive; Only one can be passed at a time")


def _azure_base(base_url: str | None, endpoint: str | None, deployment: str | None) -> str:
    """The base URL AzureOpenAI sends to: the resource's /openai, or one deployment's."""
    if base_url is not None:
        if endpoint is not None:
            raise ValueError("base_url and azure_endpoint are mutually exclusive")
        return base_url
    endpoint = endpoint or os.environ.get("AZURE_OPENAI_ENDPOINT")
    if not endpoint:
        raise ValueError("Must provide one of the `base_url` or `azure_endpoint` arguments, "
                         "or the `AZURE_OPENAI_ENDPOINT` environment variable")
    for name, value in (("azure_endpoint", endpoint), ("azure_deployment", deployment)):
        if value is not None and not isinstance(value, str):
            raise TypeError("%s must be a string, not %r" % (name, type(value).__name__))
    base = endpoint.rstrip("/") + "/openai"
    return base + "/deployments/" + quote(deployment, safe="") if deployment else base


# -------------------------------------------------------------------------------------------------
# II.5 The module-level client (`import openai; openai.api_key = ...;
# openai.chat.completions.create(...)`): settings as module attributes, read at each call,
# and a client made from them (again when they change). `chat` is chat() itself, which
# carries the `completions` attribute for it.

api_key: str | None = None
organization: str | None = None
project: str | None = None
base_url: str | None = None
timeout: Timeout | _TimeoutLike = SDK_TIMEOUT
max_retries: int = SDK_MAX_RETRIES
default_headers: Mapping[str, str] | None = None
default_query: Mapping[str, str] | None = None
api_type: str | None = os.environ.get("OPENAI_API_TYPE")
api_version: str | None = os.environ.get("OPENAI_API_VERSION")
azure_endpoint: str | None = os.environ.get("AZURE_OPENAI_ENDPOINT")
azure_ad_token: str | None = None
azure_ad_token_provider: typing.Callable[[], str] | None = None

_MODULE_SETTINGS = ("api_key", "organization", "project", "base_url", "timeout",
                    "max_retries", "default_headers", "default_query", "api_type",
                    "api_version", "azure_endpoint", "azure_ad_token", "azure_ad_token_provider")
_module_client_made: list[Any] = []       # [(the settings it was made from, the client)]


def _module_client() -> OpenAI:
    settings = tuple(copy.copy(globals()[name]) for name in _MODULE_SETTINGS)
    with _session_lock:
        if not _module_client_made or _module_client_made[0][0] != settings:
            _module_client_made[:] = [(settings, _new_module_client())]
        return _module_client_made[0][1]


def _new_module_client() -> OpenAI:
    g = globals()
    common = {k: g[k] for k in ("organization", "project", "timeout", "max_retries",
                                "default_headers", "default_query")}
    if _module_api_type() == "azure":
        return AzureOpenAI(api_key=api_key, api_version=api_version,
                           azure_endpoint=azure_endpoint, azure_ad_token=azure_ad_token,
                           azure_ad_token_provider=azure_ad_token_provider,
                           base_url=base_url, **common)
    if api_key is None and not os.environ.get("OPENAI_API_KEY"):
        raise TypeError("Could not resolve authentication method. Expected either api_key "
                        "or admin_api_key to be set. Or for the `Authorization` header to be "
                        "explicitly omitted.")
    return OpenAI(api_key=api_key, base_url=base_url, **common)


def _module_api_type() -> str:
    """The SDK's rule: "azure" when Azure settings exist and OpenAI's do not."""
    if api_type is not None:
        return api_type
    openai_keys = api_key is not None or os.environ.get("OPENAI_API_KEY") is not None
    azure_keys = azure_endpoint is not None or os.environ.get("AZURE_OPENAI_API_KEY") or \
        azure_ad_token or azure_ad_token_provider or os.environ.get("AZURE_OPENAI_AD_TOKEN")
    if openai_keys and azure_keys:
        raise OpenAIError("Ambiguous use of module client; please set `openai.api_type` or the "
                          "`OPENAI_API_TYPE` environment variable to `openai` or `azure`")
    return "azure" if azure_keys else "openai"


def _reset_client() -> None:
    """Forget the module-level client (the next call makes one from the settings)."""
    _module_client_made.clear()


class _ModuleResource:
    """openai.chat.completions, openai.models, openai.embeddings, openai.beta: each
    attribute is the module-level client's, as the settings make it now."""

    def __init__(self, *path: str) -> None:
        self._path = path

    def __getattr__(self, name: str) -> Any:
        target: Any = _module_client()
        for step in self._path:
            target = getattr(target, step)
        return getattr(target, name)


chat.completions = typing.cast(_ChatCompletions,    # type: ignore[attr-defined]
                               _ModuleResource("chat", "completions"))
models = typing.cast(_ModelsResource, _ModuleResource("models"))
embeddings = typing.cast(_EmbeddingsResource, _ModuleResource("embeddings"))
beta = typing.cast(_BetaResource, _ModuleResource("beta"))


def pydantic_function_tool(model: type, *, name: str | None = None,
                           description: str | None = None) -> dict[str, Any]:
    """The SDK's pydantic_function_tool(): a strict function tool from a pydantic model (or
    any type tool() takes), whose arguments parse() and stream() turn into that type."""
    return tool(model, name=name, description=description)


__all__ += ["OpenAI", "Client", "AzureOpenAI", "APIResponse", "URL", "ParsedChatCompletion",
            "ParsedChoice", "ParsedChatCompletionMessage", "ParsedFunctionToolCall",
            "ParsedFunction", "ChatCompletionStreamEvent", "ChatCompletionStreamManager",
            "ChatCompletionStream", "MutuallyExclusiveAuthError", "pydantic_function_tool",
            "SDK_TIMEOUT", "SDK_MAX_RETRIES"]


# =================================================================================================
# Part III: extras
# =================================================================================================


# -------------------------------------------------------------------------------------------------
# III.1 Structured outputs: a Python type in, a validated object out. One schema builder
# serves tool() and response_format; the types are pydantic v2 models (duck-typed: never
# imported here), dataclasses, TypedDicts, and the hints inside them.


def _parsing_of(args: dict) -> _Parsing | None:
    """Turn the request's types into what is sent (in `args`), and say what to parse."""
    if args.get("response_format") is None and not args.get("tools"):
        return None                          # most calls: nothing to parse
    args["response_format"], parsing = _response_format(args.get("response_format"))
    if isinstance(args.get("tools"), (list, tuple)):
        args["tools"] = [_as_tool(t, i) for i, t in enumerate(args["tools"])]
    typed = {t["function"]["name"]: t.type for t in args.get("tools") or ()
             if isinstance(t, _TypedTool)}
    if typed:
        parsing = parsing or _Parsing()
        parsing.tools = typed
    return parsing


def _as_tool(value: Any, index: int) -> Any:
    """A tool as it is sent: a definition dict as given; a function or a type as tool()
    makes it (tools=[get_weather] is what people write first)."""
    if isinstance(value, Mapping):
        return value
    if callable(value):
        return tool(value)
    raise TypeError("tools[%d] must be a tool definition dict, a function or a type (see "
                    "tool()), not %s" % (index, type(value).__name__))


def _response_format(value: Any) -> tuple[Any, _Parsing | None]:
    """response_format as it is sent, and what to parse: a type becomes OpenAI's strict
    json_schema format named after it; a json_schema dict is sent as given."""
    if _is_record_type(value):
        schema = _schema(value, value.__name__, strict=True)
        return ({"type": "json_schema", "json_schema": {
            "name": value.__name__, "schema": schema, "strict": True}},
            _Parsing(value, schema, generated=not _is_pydantic(value)))
    if isinstance(value, type):
        raise TypeError("response_format takes a dataclass, a TypedDict, a pydantic model or a "
                        "dict such as {'type': 'json_object'}, not %s" % value.__name__)
    if isinstance(value, dict) and value.get("type") == "json_schema":
        schema = _dict(value.get("json_schema")).get("schema")
        if isinstance(schema, dict):
            _check_user_schema(schema)
            return value, _Parsing(dict, schema)
    return value, None


class _Parsing:
    """What a request asked to have parsed out of its answer (private, so a plain class:
    a @dataclass costs import time, and nobody prints or compares these)."""
    __slots__ = ("output", "schema", "generated", "tools", "always")

    def __init__(self, output: Any = None, schema: dict | None = None,
                 generated: bool = False) -> None:
        self.output = output           # response_format's type, or its JSON schema dict
        self.schema = schema           # the schema answers are validated against
        self.generated = generated     # we made `schema` from a type: we check it ourselves
        self.tools: dict = {}          # tool name -> the type tool() was given
        self.always = False            # client.parse(): any length/content_filter raises


class _TypedTool(dict):
    """A tool definition made from a type; it remembers the type, to parse the arguments."""
    type: Any = None


def _parse_structured(response: ChatResponse, parsing: _Parsing) -> ChatResponse:
    """Fill message.parsed and tool_call.function.parsed_arguments, or raise: an answer cut
    off (length) or filtered cannot hold the JSON asked for."""
    for choice in response.choices:
        if choice.finish_reason == "length" and (parsing.always or parsing.schema or
                                                 choice.message.tool_calls):
            raise LengthFinishReasonError(completion=response)
        if choice.finish_reason == "content_filter":
            raise ContentFilterFinishReasonError(completion=response)
        message = choice.message
        if parsing.output is not None and message.content and not message.refusal:
            message.parsed = _parsed(message.content, parsing.output, parsing)
        for call in message.tool_calls or ():
            kind = parsing.tools.get(call.function.name)
            if kind is not None:
                call.function.parsed_arguments = _parsed(
                    call.function.arguments or "", kind, _tool_parsing(kind))
    return response


def _tool_parsing(kind: Any) -> _Parsing:
    """How a typed tool's arguments are parsed: into its type, against its strict schema."""
    return _Parsing(kind, _schema(kind, kind.__name__, strict=True),
                    generated=not _is_pydantic(kind))


def _parsed(text: str, kind: Any, parsing: _Parsing) -> Any:
    """The model's JSON text as an instance of `kind` (a dict for a plain schema)."""
    if _is_pydantic(kind):
        try:
            return kind.model_validate_json(text)
        except ValueError as exc:           # pydantic's ValidationError is a ValueError
            raise _pydantic_error(exc, text) from None
    try:
        value = json.loads(text, parse_constant=_not_json)   # JSON has no NaN or Infinity
    except (ValueError, RecursionError) as exc:
        raise SchemaValidationError("the answer is not JSON (%s): %s" % (exc, text[:200]),
                                    text=text) from None
    schema = parsing.schema or {}
    if parsing.generated:
        _check_json(value, schema, "$", text)
    else:
        _check_with_jsonschema(value, schema, text)
    return value if kind is dict else _instance(kind, value)


# The stream helper's content.delta events carry the JSON so far, parsed as the SDK does it
# (jiter's from_json(partial_mode=True)): open brackets closed, a value the text cuts short
# dropped. Checked against jiter 0.19 on every prefix of test documents (2026-12-02).
_PARTIAL_MAX_DEPTH = 200   # as jiter: deeper nesting is an error
_JSON_CHARS = r'(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*'  # string body, escapes whole
_PARTIAL_TOKEN = re.compile(rf'''[ \t\n\r]*(?:
    (?P<punct>[\[\]{{}}:,])
  | (?P<string>"{_JSON_CHARS}")
  | (?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)(?![0-9.eE])
  | (?P<literal>true|false|null)
  | (?P<cut_string>"{_JSON_CHARS})(?:\\(?:u[0-9a-fA-F]{{0,3}})?)?\Z
  | (?P<cut_value>-|-?(?:0|[1-9][0-9]*)(?:\.|(?:\.[0-9]+)?[eE][+-]?)
                |t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?)\Z
  | (?P<end>)\Z)''', re.VERBOSE)  # cut_*: a token that the end of the text cuts short


def _partial_json(text: str) -> object:
    """JSON that may be cut off anywhere, read as jiter.from_json(text.encode(),
    partial_mode=True) reads it (which the SDK uses): open arrays and objects are closed;
    an unfinished string, number, true/false/null, or object key (with or without its ':'
    and value) at the end is dropped. ValueError if the text is not the start of JSON, has
    no complete top-level value yet ('', '"ab', '12.', 'tru'), or nests too deeply."""
    stack: list = []                   # the open lists and dicts
    root, key, pos = None, None, 0
    expect = "value"                   # or "value]", "key", "key}", ":", ",]", ",}", "end"
    while True:
        match = _PARTIAL_TOKEN.match(text, pos)
        if match is None:
            raise ValueError("invalid JSON at index %d" % pos)
        pos, kind = match.end(), match.lastgroup or "end"
        token, cut = match[kind], kind.startswith("cut_")
        if kind == "end":
            if stack or expect == "end":
                return root
            raise ValueError("incomplete JSON value")
        if kind in ("string", "cut_string") and expect.startswith("key"):
            key, expect = _partial_string(token, cut), ":"   # a cut key is dropped at the end
        elif token == ":" and expect == ":":
            expect = "value"
        elif token == "," and expect in (",]", ",}"):
            expect = "value" if expect == ",]" else "key"
        elif token in ("]", "}") and token in expect:       # "]" ends "value]" or ",]"
            stack.pop()
            expect = _partial_after(stack)
        elif expect.startswith("value") and (kind != "punct" or token in "[{"):
            if len(stack) > _PARTIAL_MAX_DEPTH:
                raise ValueError("JSON nested too deeply")
            value = _partial_value(kind, token, cut)
            if cut:
                continue                   # the text ends inside this value: dropped
            if not stack:
                root = value
            elif isinstance(stack[-1], list):
                stack[-1].append(value)
            else:
                stack[-1][key] = value
            stack += [value] if token in ("[", "{") else []
            expect = {"[": "value]", "{": "key}"}.get(token) or _partial_after(stack)
        else:
            raise ValueError("unexpected %r at index %d" % (token, match.start(kind)))


def _partial_value(kind: str, token: str, cut: bool) -> Any:
    if kind in ("string", "cut_string"):
        return _partial_string(token, cut)
    if kind == "number":
        return int(token) if token.lstrip("-").isdigit() else float(token)
    return {"true": True, "false": False, "null": None, "[": [], "{": {}}.get(token)


def _partial_string(token: str, cut: bool = False) -> str:
    """A string token decoded (if cut: its complete part); a lone surrogate refused, as
    jiter refuses it."""
    value = json.loads(token + '"' if cut else token)    # json.loads joins surrogate pairs
    if cut and "\ud800" <= value[-1:] <= "\udbff":
        value = value[:-1]             # a high surrogate whose low half may still come
    if re.search("[\ud800-\udfff]", value):
        raise ValueError("lone surrogate in JSON string")
    return value


def _partial_after(stack: list) -> str:
    return "end" if not stack else ",]" if isinstance(stack[-1], list) else ",}"


def _not_json(constant: str) -> Any:
    raise ValueError("%s is not a JSON number" % constant)


def _pydantic_error(exc: Exception, text: str) -> SchemaValidationError:
    errors = getattr(exc, "errors", lambda: [])()
    first = errors[0] if errors else {}
    path = "$" + "".join("[%d]" % p if isinstance(p, int) else "." + str(p)
                         for p in first.get("loc", ()))
    return SchemaValidationError("%s: %s" % (path, first.get("msg", exc)), path=path,
                                 text=text)


def _same_json(a: Any, b: Any) -> bool:
    """Equal as JSON values: true is not 1 (as it is in Python)."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def _check_with_jsonschema(value: Any, schema: dict, text: str) -> None:
    """A schema the caller wrote: checked by the jsonschema package when it is installed;
    without it, said plainly (a warning) and not checked. Its `pattern`s are not matched:
    Python's re has no time bound, and "(a+)+$" on the server's text would never end."""
    validator = _schema_validator()
    if validator is None:
        warnings.warn("response_format's JSON schema was not checked: install jsonschema to "
                      "validate answers against schemas you write", stacklevel=4)
        return
    import jsonschema.exceptions  # type: ignore[import-untyped]
    try:
        error = jsonschema.exceptions.best_match(validator(schema).iter_errors(value))
    except (RecursionError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise SchemaValidationError("the answer could not be checked against the schema "
                                    "(%s)" % type(exc).__name__, text=text) from None
    if error is not None:
        path = "$" + "".join("[%d]" % p if isinstance(p, int) else "." + str(p)
                             for p in error.absolute_path)
        raise SchemaValidationError("%s: %s" % (path, error.message), path=path, text=text)


@functools.lru_cache(maxsize=1)
def _schema_validator() -> Any:
    """jsonschema's Draft 2020-12 validator without `pattern` (None without jsonschema)."""
    try:
        import jsonschema.validators  # type: ignore[import-untyped]
    except ImportError:
        return None
    base = jsonschema.validators.Draft202012Validator
    return jsonschema.validators.extend(base, {"pattern": lambda *args: iter(())})


def _check_user_schema(schema: dict) -> None:
    """A schema the caller wrote, checked before sending: by jsonschema when installed, else
    its "type" words at least ({"type": "objekt"} would otherwise pass unnoticed)."""
    validator = _schema_validator()
    if validator is None:
        return _check_type_words(schema, "$", 0)
    import jsonschema.exceptions  # type: ignore[import-untyped]
    try:
        validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as exc:
        raise ValueError("response_format's JSON schema is not a valid JSON schema: %s at %s"
                         % (exc.message, "/".join(map(str, exc.absolute_path)) or "its root")
                         ) from None
    except RecursionError:
        raise ValueError("response_format's JSON schema is nested too deeply") from None


_TYPE_WORDS = frozenset(("object", "array", "string", "number", "integer", "boolean", "null"))


def _check_type_words(schema: Any, path: str, depth: int) -> None:
    if depth > 64:
        raise ValueError("response_format's JSON schema is nested too deeply")
    if isinstance(schema, list):
        for i, item in enumerate(schema):
            _check_type_words(item, "%s[%d]" % (path, i), depth + 1)
    elif isinstance(schema, dict):
        kind = schema.get("type")
        for word in kind if isinstance(kind, list) else [kind] if kind is not None else []:
            if word not in _TYPE_WORDS:
                raise ValueError("response_format's JSON schema has type %r at %s; JSON "
                                 "schema's types are %s" % (word, path, ", ".join(
                                     sorted(_TYPE_WORDS))))
        for key, value in schema.items():
            if key not in ("enum", "const", "default", "examples"):
                _check_type_words(value, "%s.%s" % (path, key), depth + 1)


def _check_json(value: Any, schema: dict, path: str, text: str) -> None:
    """Check JSON against a schema we generated (the keywords _schema writes: type, enum,
    properties, required, additionalProperties, items, anyOf). Raises at the first error."""
    def fail(expected: str) -> typing.NoReturn:
        got = "null" if value is None else (_json_text(value) or "")[:60]
        raise SchemaValidationError("%s: expected %s, got %s" % (path, expected, got),
                                    path=path, text=text)
    if "anyOf" in schema:
        for option in schema["anyOf"]:
            try:
                return _check_json(value, option, path, text)
            except SchemaValidationError:
                continue
        fail(" or ".join(o.get("type", "a value") if isinstance(o.get("type"), str)
                         else "a value" for o in schema["anyOf"]))
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds or []
    if kinds and not any(_JSON_CHECKS[k](value) for k in kinds):
        fail(" or ".join(kinds))
    if "enum" in schema and not any(_same_json(value, v) for v in schema["enum"]):
        fail("one of " + ", ".join(map(json.dumps, schema["enum"])))
    if isinstance(value, dict) and "properties" in schema:
        for name in schema.get("required", ()):
            if name not in value:
                raise SchemaValidationError("%s: missing %r" % (path, name), path=path,
                                            text=text)
        for name, item in value.items():
            if name in schema["properties"]:
                _check_json(item, schema["properties"][name], "%s.%s" % (path, name), text)
            elif schema.get("additionalProperties") is False:
                raise SchemaValidationError("%s: unexpected key %r" % (path, name),
                                            path=path, text=text)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            _check_json(item, schema["items"], "%s[%d]" % (path, i), text)


# JSON Schema's type names -> what json.loads gives for them.
_JSON_CHECKS: dict[str, typing.Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def _instance(hint: Any, value: Any) -> Any:
    """Checked JSON built into the type: dataclasses (recursively), Enums, lists, TypedDicts."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{name: _instance(hints[name], item) for name, item in value.items()})
    if isinstance(hint, type) and typing.is_typeddict(hint):
        hints = typing.get_type_hints(hint)
        return {name: _instance(hints[name], item) for name, item in value.items()
                if not (item is None and name in getattr(hint, "__optional_keys__", ()))}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is float and isinstance(value, int):
        return float(value)
    if origin in (list, tuple, set) and args:
        return origin(_instance(args[0], item) for item in value)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return _instance(rest[0], value) if len(rest) == 1 else value
    return value


def _schema(hint: Any, where: str, strict: bool = False, seen: tuple = ()) -> dict:
    """A JSON schema for a type hint: str, int, float, bool, dict, list[X], Literal[...],
    an Enum, Optional[X] / X | None, dataclasses, TypedDicts and pydantic models.

    strict: OpenAI's strict dialect (every property required, additionalProperties false,
    optionals as unions with null; no dict, Any or bare list, whose contents it cannot pin)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _JSON_TYPES and not (strict and hint in (dict, list)):
        return {"type": _JSON_TYPES[hint]}
    if _is_pydantic(hint):
        return _strict_json_schema(typing.cast(Any, hint).model_json_schema())
    if _is_record_type(hint):
        return _object_schema(hint, where, strict, seen)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_schema([m.value for m in hint])
    if origin is typing.Literal:
        return _enum_schema(list(args))
    if origin in (list, tuple, set) and args:
        return {"type": "array", "items": _schema(args[0], where + "[]", strict, seen)}
    if origin in (list, tuple, set, dict) and not strict:
        return {"type": "array" if origin is not dict else "object"}
    if args and type(None) in args:    # Optional[X], X | None
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return _nullable(_schema(rest[0], where, strict, seen))
    raise TypeError("%s: type hint %r is not supported (use str, int, float, bool, list[...], "
                    "Literal[...], an Enum, Optional[...], a dataclass, a TypedDict or a "
                    "pydantic model%s)" % (where, hint, "" if strict else ", dict"))


_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean",
               dict: "object", list: "array"}


def _is_pydantic(hint: Any) -> bool:
    return isinstance(hint, type) and hasattr(hint, "model_json_schema") and hasattr(
        hint, "model_validate_json")


def _is_record_type(hint: Any) -> bool:
    """A type whose fields become an object schema: a dataclass, a TypedDict, pydantic."""
    return isinstance(hint, type) and (dataclasses.is_dataclass(hint) or
                                       typing.is_typeddict(hint) or _is_pydantic(hint))


def _enum_schema(values: list) -> dict:
    kinds = {_JSON_TYPES.get(type(v)) for v in values}
    schema: dict[str, Any] = {"enum": values}
    if len(kinds) == 1 and None not in kinds:
        schema["type"] = kinds.pop()
    return schema


def _nullable(schema: dict) -> dict:
    if isinstance(schema.get("type"), str) and "properties" not in schema:
        return dict(schema, type=[schema["type"], "null"])
    return {"anyOf": [schema, {"type": "null"}]}


def _object_schema(cls: type, where: str, strict: bool, seen: tuple) -> dict:
    """A dataclass's or TypedDict's fields as an object schema (strict: all required)."""
    if cls in seen:
        raise TypeError("%s: %s contains itself; recursive types are not supported"
                        % (where, cls.__name__))
    hints = typing.get_type_hints(cls)
    if dataclasses.is_dataclass(cls):
        names = [f.name for f in dataclasses.fields(cls)]
        optional = {f.name for f in dataclasses.fields(cls) if f.default is not
                    dataclasses.MISSING or f.default_factory is not dataclasses.MISSING}
    else:                                  # TypedDict: total=False and NotRequired keys
        names, optional = list(hints), set(getattr(cls, "__optional_keys__", ()))
    properties = {}
    for name in names:
        schema = _schema(hints[name], "%s.%s" % (cls.__name__, name), strict, seen + (cls,))
        # Strict mode has no optional keys: a TypedDict key that may be absent may be null.
        strict_optional = strict and name in optional and not dataclasses.is_dataclass(cls)
        properties[name] = _nullable(schema) if strict_optional else schema
    schema = {"type": "object", "properties": properties, "additionalProperties": False,
              "required": names if strict else [n for n in names if n not in optional]}
    doc = cls.__doc__ or ""
    if doc and not doc.startswith(cls.__name__ + "("):      # not the doc @dataclass writes
        schema["description"] = " ".join(doc.split())
    return schema


def _strict_json_schema(schema: Any, root: dict | None = None,
                        inlining: frozenset = frozenset()) -> dict:
    """A pydantic model's JSON schema in OpenAI's strict dialect, as the official SDK makes
    it (openai/lib/_pydantic.py): objects closed and fully required, `default: null` dropped,
    single allOf and $ref-with-siblings inlined."""
    if not isinstance(schema, dict):
        raise TypeError("expected a JSON schema object, not %r" % (schema,))
    root = schema if root is None else root
    for defs in ("$defs", "definitions"):
        for sub in _dict(schema.get(defs)).values():
            _strict_json_schema(sub, root, inlining)
    if schema.get("type") == "object" and "additionalProperties" not in schema:
        schema["additionalProperties"] = False
    if isinstance(schema.get("properties"), dict):
        schema["required"] = list(schema["properties"])
        for sub in schema["properties"].values():
            _strict_json_schema(sub, root, inlining)
    if isinstance(schema.get("items"), dict):
        _strict_json_schema(schema["items"], root, inlining)
    for sub in schema.get("anyOf") or ():
        _strict_json_schema(sub, root, inlining)
    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        for sub in all_of:
            _strict_json_schema(sub, root, inlining)
        if len(all_of) == 1:
            schema.update(schema.pop("allOf")[0])
    if "default" in schema and schema["default"] is None:
        del schema["default"]
    ref = schema.get("$ref")
    if isinstance(ref, str) and len(schema) > 1:
        if ref in inlining:            # a model that contains itself: keep the reference
            schema.clear()
            schema["$ref"] = ref
            return schema
        resolved = _resolve_ref(root, ref)
        schema.update({**json.loads(json.dumps(resolved)), **schema})
        del schema["$ref"]
        return _strict_json_schema(schema, root, inlining | {ref})
    return schema


def _resolve_ref(root: dict, ref: str) -> dict:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = _dict(node).get(part)
    if not isinstance(node, dict):
        raise TypeError("cannot resolve $ref %r in the schema" % ref)
    return node


def _parse_rules(req: Request, args: Mapping[str, Any]) -> None:
    """The client's parse(): no streams (but the stream helper's), and an answer cut off or
    filtered is refused."""
    if args.get("parse"):
        if req.stream and args["parse"] != "stream":      # the stream helper may
            raise TypeError("parse() does not stream; use stream(...) or create(..., "
                            "stream=True)")
        req.parsing = req.parsing or _Parsing()
        req.parsing.always = True


def _parse_answer(response: ChatResponse, req: Request) -> ChatResponse:
    return _parse_structured(response, req.parsing) if req.parsing else response


_BUILD_STEPS.append(_parsing_of)
_BEFORE_SEND.append(_parse_rules)
_AFTER_PARSE.append(_parse_answer)


# -------------------------------------------------------------------------------------------------
# III.2 Tools, images and JSON in text: tool() from a function or a type, image() parts, and
# the JSON a model wrote inside prose or fences.


def tool(func: typing.Callable[..., Any] | type, *, name: str | None = None,
         description: str | None = None) -> dict:
    """An OpenAI tool definition from a function (its name, docstring and type hints), or
    from a type: a dataclass, TypedDict or pydantic model becomes a strict function tool
    (as the SDK's pydantic_function_tool), and its calls' arguments are parsed into it
    (`tool_call.function.parsed_arguments`).

        >>> def get_weather(city: str, unit: typing.Literal["c", "f"] = "c"):
        ...     '''Current weather for a city.'''
        >>> tool(get_weather)["function"]["parameters"]["required"]
        ['city']
    """
    if _is_record_type(func):
        return _type_tool(typing.cast(type, func), name, description)
    import inspect      # here, not at the top: requests does not load it, and it is not light
    # Not typing.get_type_hints(): on Python 3.10 it turns `x: dict = None` into
    # Optional[dict], so the schema would differ by Python version.
    hints = inspect.get_annotations(func, eval_str=True)
    doc, described = _doc_params(inspect.getdoc(func) or "")
    properties, required = {}, []
    for arg, param in inspect.signature(func).parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if arg not in hints:
            raise TypeError("%s(): parameter %r needs a type hint" % (func.__name__, arg))
        properties[arg] = _schema(hints[arg], "%s(%s)" % (func.__name__, arg))
        if arg in described:
            properties[arg]["description"] = described[arg]
        if param.default is param.empty:
            required.append(arg)
    function = {"name": name or func.__name__,
                "parameters": {"type": "object", "properties": properties,
                               "required": required}}
    if description or doc:
        function["description"] = description or doc
    return {"type": "function", "function": function}


def _type_tool(kind: type, name: str | None, description: str | None) -> dict:
    schema = _schema(kind, kind.__name__, strict=True)
    function: dict[str, Any] = {"name": name or kind.__name__, "strict": True,
                                "parameters": schema}
    doc = description or schema.get("description")
    if doc:
        function["description"] = doc
    made = _TypedTool(type="function", function=function)
    made.type = kind
    return made


def _doc_params(doc: str) -> tuple[str, dict]:
    """The description (text before an Args:/Parameters: section) and per-argument
    descriptions from lines like "city: the city to look up"."""
    parts = re.split(r"\n\s*(?:Args|Arguments|Parameters|Params):?\s*\n", doc, maxsplit=1)
    described = {}
    if len(parts) == 2:
        for m in re.finditer(r"^\s*(\w+)\s*(?:\([^)]*\))?\s*:\s*(.+)$", parts[1], re.M):
            described[m.group(1)] = m.group(2).strip()
    return " ".join(parts[0].split()), described


def image(source: str | bytes | os.PathLike, detail: str | None = None) -> dict:
    """A vision content part from an http(s) URL, a data: URL, a file path or raw bytes.

        messages = [{"role": "user", "content": [
            {"type": "text", "text": "What is in this picture?"}, image("cat.png")]}]
    """
    if detail not in (None, "auto", "low", "high"):
        raise ValueError("detail must be 'auto', 'low' or 'high', not %r" % (detail,))
    if isinstance(source, str) and source.startswith(("http://", "https://", "data:")):
        url = source
    else:
        if isinstance(source, (bytes, bytearray)):
            data, name = bytes(source), "the bytes given"
        elif isinstance(source, (str, os.PathLike)):
            try:
                with open(source, "rb") as f:
                    data = f.read()
            except OSError as exc:
                raise OpenAICompatError("cannot read image %s: %s" % (source, exc.strerror)
                                        ) from None
            name = os.fspath(source)
        else:
            raise TypeError("image() takes a URL, a path or bytes, not %r"
                            % type(source).__name__)
        mime = _image_mime(data)
        if mime is None:
            raise ValueError("%s is not a PNG, JPEG, WEBP or GIF image" % name)
        url = "data:%s;base64,%s" % (mime, base64.b64encode(data).decode("ascii"))
    part = {"url": url}
    if detail:
        part["detail"] = detail
    return {"type": "image_url", "image_url": part}


# Magic numbers at the start of the image formats vision models accept.
_IMAGE_MAGIC = [(b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif")]


def _image_mime(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((mime for magic, mime in _IMAGE_MAGIC if data.startswith(magic)), None)


def _extract_json(text: str | None) -> Any:
    """JSON from model output: bare, inside a ```json fence, or surrounded by prose. Linear
    in the text (fences found with str.find; the starts tried are given at most 4
    characters per character of text in all, _json_at), and a ParseError, never a
    RecursionError, for brackets nested too deeply."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("the response has no text to parse as JSON")
    decoder = json.JSONDecoder()
    for candidate in [text.strip()] + _fenced(text):
        try:
            return json.loads(candidate)
        except ValueError:
            pass
        except RecursionError:
            raise ParseError("the response's JSON is nested too deeply to read") from None
    budget = [4 * len(text) + 10_000]   # characters the decoder may be given in all
    for start in (i for i, c in enumerate(text) if c in "[{"):
        found = _json_at(decoder, text, start, budget)
        if found:
            return found[0]                 # the first {...} or [...] that parses
        if budget[0] < 0:
            break
    raise ParseError("no JSON found in the response, which starts: %r" % text[:80])


def _json_at(decoder: json.JSONDecoder, text: str, start: int, budget: list[int]
             ) -> tuple[Any] | None:
    """The JSON value at text[start], as (value,), or None. Read through a window that
    grows (64 characters, then 4 times more) while the window's end could be what cut the
    value short: json's errors count the lines of everything before them, so decoding the
    whole text at each of 10,000 starts would be quadratic (measured 2026-12-02: 4.7 s for
    1 MB of prose with 10,000 '{'). Each window is charged to the budget when it grows, and
    what was read when it fails: linear in the text."""
    size = 64
    while True:
        piece = text[start:start + size]
        try:
            return (decoder.raw_decode(piece)[0],)
        except json.JSONDecodeError as exc:
            cut = start + size < len(text) and (exc.pos >= len(piece) - 8 or
                                                exc.msg.startswith("Unterminated"))
            budget[0] -= size if cut else exc.pos + 1
            if not cut or budget[0] < 0:
                return None
            size *= 4
        except RecursionError:
            raise ParseError("the response's JSON is nested too deeply to read") from None


def _fenced(text: str) -> list[str]:
    """The insides of ```fences``` (a json/JSON tag after the opening one dropped)."""
    found, i = [], text.find("```")
    while i >= 0:
        end = text.find("```", i + 3)
        if end < 0:
            break
        inside = text[i + 3:end]
        found.append(inside[4:].strip() if inside[:4] in ("json", "JSON") else inside.strip())
        i = text.find("```", end + 3)
    return found


__all__ += ["tool", "image"]


# -------------------------------------------------------------------------------------------------
# III.3 Model data and costs: tokens, context windows and prices, from one table of
# small records. Unknown models are never blocked and never priced: a name resolves to its own
# row or to nothing, never to another model's row. Refresh the numbers with load_model_data().


def _check_limits(req: Request, args: Mapping[str, Any] | None = None) -> None:
    """Refuse, before sending, what the model's known limits say the server would refuse.
    Unknown models, and limits we do not know, are not checked; local servers (Ollama, LM
    Studio, vLLM, a base_url) have no row that limits them: their window is their own."""
    body = req.json or {}
    info = model_info(body["model"], req.provider)
    if info is None:
        return
    _warn_if_retired(info)
    model, output = body["model"], body.get("max_completion_tokens") or body.get(
        "max_tokens") or 0
    if info.max_output_tokens and output > info.max_output_tokens:
        raise ContextWindowExceededError(
            "%s writes at most %d output tokens, and max_tokens asks for %d: lower it"
            % (model, info.max_output_tokens, output))
    if not (info.max_input_tokens or info.context_window):
        return
    prompt = estimate_tokens(body["messages"])
    if info.max_input_tokens and prompt > info.max_input_tokens:
        raise ContextWindowExceededError(
            "%s reads at most %d prompt tokens, and the prompt is about %d: shorten the "
            "messages" % (model, info.max_input_tokens, prompt))
    if info.context_window and prompt + output > info.context_window:
        raise ContextWindowExceededError(
            "%s has a context window of %d tokens; the prompt is about %d tokens and %d more "
            "were requested for the output (%d in all): shorten the messages or lower "
            "max_tokens" % (model, info.context_window, prompt, output, prompt + output))


_warned: set[tuple[str, str]] = set()       # (provider, model) told once they are retired


def _warn_if_retired(info: ModelInfo) -> None:
    """A model past its provider's shutdown date (a row loaded from a newer or older file)
    is still sent; the provider will say whether it answers. Said once per model."""
    if info.deprecated and info.deprecated <= time.strftime("%Y-%m-%d", time.gmtime()) and (
            info.provider, info.name) not in _warned:
        _warned.add((info.provider, info.name))
        warnings.warn("%s on %s was to shut down on %s (%s)" % (
            info.name, info.provider, info.deprecated, info.source), stacklevel=2)


def estimate_tokens(text_or_messages: str | Sequence[Mapping[str, Any] | str]) -> int:
    """Tokens in a text or a message list: exact with tiktoken when it is installed (and its
    encoding is available), else about 4 characters per token, which is close for English.
    Each message adds 4 tokens of framing, as OpenAI documents for its chat format."""
    if isinstance(text_or_messages, str):
        texts, framing = [text_or_messages], 0
    else:
        texts = [_message_text(m) for m in text_or_messages]
        framing = 4 * len(texts) + 3
    count = _tiktoken_counter()
    return framing + sum(count(t) for t in texts)


def _message_text(m) -> str:
    content = m.get("content") if isinstance(m, dict) else m
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    text = content if isinstance(content, str) else ""
    if isinstance(m, dict) and m.get("tool_calls"):
        text += json.dumps(m["tool_calls"])
    return text


_counter = None


def _tiktoken_counter():
    global _counter
    if _counter is None:
        try:    # optional, imported on first use so importing this module stays light
            import tiktoken  # type: ignore
            encoding = tiktoken.get_encoding("o200k_base")
            _counter = lambda text: len(encoding.encode(text, disallowed_special=()))  # noqa: E731
        except Exception:   # not installed, or its data cannot be fetched offline
            _counter = lambda text: (len(text) + 3) // 4  # noqa: E731
    return _counter


def estimate_cost(usage: Usage | Mapping[str, Any] | None, model: str | None,
                  provider: str | Provider | None = None, *, service_tier: str | None = None,
                  created: int | None = None, batch: bool = False) -> float | None:
    """USD cost of a usage (a Usage or its dict) as the provider bills it: the cost the
    provider reported when it reports one (OpenRouter's usage.cost, xAI's ticks); else the
    table's prices: cached prompt tokens at the cached price, cache writes at the write
    price, reasoning tokens once (inside completion_tokens), the whole request at the
    long-context price past its threshold, the service_tier's price (flex, priority),
    DeepSeek's off-peak price by the answer's `created` time, batch prices with batch=True.
    None when any of it is unknown (a tier we cannot price included): never a wrong number.
    _cost() says why.

        >>> round(estimate_cost({"prompt_tokens": 1000, "completion_tokens": 100}, "gpt-4o"), 6)
        0.0035
    """
    return _cost(usage, model, provider, service_tier, created, batch)[0]


def _cost(usage: Any, model: str | None, provider: str | Provider | None,
          service_tier: str | None = None, created: int | None = None,
          batch: bool = False) -> tuple[float | None, str]:
    """(USD, where it came from), or (None, why it is unknown)."""
    if isinstance(usage, Mapping):
        usage = _usage(dict(usage))
    if usage is None or usage.prompt_tokens is None:
        return None, "the answer has no usage"
    row = provider if isinstance(provider, Provider) else PROVIDERS.get(provider or "openai")
    reported = _reported_cost(usage.raw, row)
    if reported is not None:
        return reported, "reported by %s" % row.name        # type: ignore[union-attr]
    info = model_info(model, provider) if model else None
    if info is None or info.input_price is None:
        return None, "no price for %s on %s" % (model, getattr(row, "name", provider))
    details = usage.prompt_tokens_details
    cached = min((details and details.cached_tokens) or 0, usage.prompt_tokens)
    written = min((details and details.cache_write_tokens) or 0, usage.prompt_tokens - cached)
    prices, why = _prices_for(info, usage.prompt_tokens, service_tier, created,
                              row.batch_price if batch and row else None, batch, cached)
    if prices is None:
        return None, why
    input_price, cached_price, output_price, write_price = prices
    output = usage.completion_tokens or 0
    if output and output_price is None:
        return None, "no output price for %s" % info.name
    return ((usage.prompt_tokens - cached - written) * input_price + cached * cached_price
            + written * write_price + output * (output_price or 0.0)) / 1e6, why


def _prices_for(info: ModelInfo, prompt: int, tier: str | None, created: int | None,
                batch_share: float | None, batch: bool, cached: int
                ) -> tuple[tuple | None, str]:
    """(input, cached input, output, cache write) USD per 1M for this request, and where
    they come from; (None, why) when the source gives no price for what applies."""
    extra, source = info.prices, "%s's prices (%s)" % (info.name, info.source)
    standard = (info.input_price, info.cached_input_price, info.output_price)
    long: tuple = extra.get("long") or (math.inf,)
    is_long = prompt > long[0]
    tier = None if tier in (None, "default", "auto") else tier
    if "off_peak" in extra:
        if created is None:
            return None, "%s bills peak and off-peak hours differently; the time is unknown" \
                % info.name
        if _in_windows(created, extra["off_peak"][3]):
            standard, source = extra["off_peak"][:3], source + ", off-peak"
    if batch:
        if is_long or (cached and "batch" in extra):
            return None, "no batch price for %s %s" % (
                info.name, "above %d prompt tokens" % long[0] if is_long else "for cached input")
        if "batch" in extra:
            standard, source = (extra["batch"][0], None, extra["batch"][1]), source + ", batch"
        elif batch_share is not None:
            standard = tuple(None if p is None else p * batch_share for p in standard)
            source += ", at the provider's batch share (%s)" % batch_share
        else:
            return None, "no batch price for %s" % info.name
    elif tier:
        if tier not in extra or is_long:
            return None, "no %s price for %s%s" % (tier, info.name, " above %d prompt tokens"
                                                    % long[0] if is_long else "")
        standard, source = extra[tier], source + ", " + tier
    elif is_long:
        standard, source = long[1:], source + ", above %d prompt tokens" % long[0]
    input_price, cached_price, output_price = standard
    if input_price is None:
        return None, "no input price for %s" % info.name
    # Cache writes have a price of their own only at the standard tier (else: as input).
    write = extra.get("cache_write") if not (tier or is_long) else None
    return (input_price, input_price if cached_price is None else cached_price, output_price,
            input_price if write is None else write), source


def _in_windows(created: int, windows: Sequence) -> bool:
    """Whether a UTC time falls in ((ISO weekdays), ("HH:MM-HH:MM", ...)) windows."""
    at = time.gmtime(created)
    minute = at.tm_hour * 60 + at.tm_min
    for days, spans in windows:
        if at.tm_wday + 1 in days:
            for span in spans:
                start, _, end = span.partition("-")
                low = int(start[:2]) * 60 + int(start[3:])
                high = int(end[:2]) * 60 + int(end[3:]) or 24 * 60    # "-00:00": midnight
                if low <= minute < high:
                    return True
    return False


def _reported_cost(raw: Mapping[str, Any], row: Provider | None) -> float | None:
    """The cost a provider put in the usage it sent (Provider.cost_field), when it did."""
    if row is None or row.cost_field is None:
        return None
    field_name, usd_per_unit = row.cost_field
    value = _number(raw.get(field_name))
    return value * usd_per_unit if value is not None and 0 <= value < math.inf else None


def model_info(model: str, provider: str | Provider | None = None) -> ModelInfo | None:
    """The table's row for a model, or None. `model` is a name or "provider:name" as chat()
    takes it; without a provider, OpenAI's (chat()'s default). Found: the exact name on that
    provider's own rows, in any case (Azure: its own row, else OpenAI's; the mock answers as
    OpenAI), OpenRouter's "openai/gpt-4o" (and ":free") as OpenAI's, and a fine-tuned
    "ft:BASE:org::id" as the table's "ft:BASE" row. Anything else is unknown: None, never
    another model's or another host's row. Local servers (LM Studio, vLLM, a base_url) have
    none: their window is their own.

        >>> model_info("gpt-4o").context_window
        128000
    """
    if not isinstance(model, str) or not model:
        return None
    prefix, name = _split_prefix(model)
    if prefix is not None and provider is None:
        provider, model = prefix, name
    name = provider.name if isinstance(provider, Provider) else provider
    return _model_info(model, (name or "openai").lower())


def context_window(model: str, provider: str | Provider | None = None) -> int | None:
    """The model's context window in tokens, or None when unknown."""
    info = model_info(model, provider)
    return info.context_window if info else None


def _model_info(model: str, provider: str) -> ModelInfo | None:
    index = _model_index()
    if model.startswith("ft:") and provider in ("openai", "azure"):   # ft:BASE:org::id
        return _find(index, provider, "ft:" + model.split(":")[1])
    if provider == "openrouter":       # OpenAI's models at OpenAI's prices; nothing else
        model, _, variant = model.partition(":")
        info = _find(index, "openai", model[7:]) if model.startswith("openai/") else None
        if info and variant == "free":
            return dataclasses.replace(info, input_price=0.0, cached_input_price=0.0,
                                       output_price=0.0, prices={})
        return None if variant else info     # other variants (:extended...) differ: unknown
    return _find(index, provider, model)


def _find(index: dict[str, list[ModelInfo]], provider: str, name: str) -> ModelInfo | None:
    """The row for a name among a provider's own rows (Provider.model_rows)."""
    rows = index.get(name.lower(), ())
    row = PROVIDERS.get(provider) or (_GENERIC if provider == _GENERIC.name else None)
    for table in (row.model_rows if row and row.model_rows is not None else (provider,)):
        for info in rows:
            if info.provider == table:
                return info
    return None


def _model_index() -> dict[str, list[ModelInfo]]:
    """The table by lower-case name, built on first use (and OPENAI_COMPAT_MODEL_DATA
    loaded into it), so importing this module costs nothing for it."""
    global _models
    with _models_lock:
        if _models is None:
            index: dict[str, list[ModelInfo]] = {}
            source = "LiteLLM %(version)s (sha256 %(sha256).12s...), current on %(as_of)s" \
                % _MODEL_SOURCE
            for provider, rows in _MODEL_ROWS.items():
                for row in rows:
                    _add_model(index, ModelInfo(row[0], provider, *row[1:8],
                                                prices=row[8] if len(row) > 8 else {},
                                                source=source))
            _models = index
            path = os.environ.get("OPENAI_COMPAT_MODEL_DATA")
            if path:
                _merge_model_data(index, _read_model_data(path), path)
    return _models


_models: dict[str, list[ModelInfo]] | None = None     # lower-case name -> rows, built on use

_models_lock = threading.Lock()


def _add_model(index: dict[str, list[ModelInfo]], info: ModelInfo) -> None:
    rows = index.setdefault(info.name.lower(), [])
    rows[:] = [r for r in rows if r.provider != info.provider] + [info]   # replace, or add


def load_model_data(source: str | os.PathLike | Mapping[str, Any]) -> int:
    """Merge model data in LiteLLM's format (model_prices_and_context_window.json, or a
    dict of it) into the table; returns how many rows it added or replaced. Entries of
    providers we do not serve are skipped; every number is checked before anything changes.
    OPENAI_COMPAT_MODEL_DATA names such a file to load on first use. Refreshes numbers
    without upgrading this module (scripts/refresh_model_data.py regenerates the table)."""
    data = source if isinstance(source, Mapping) else _read_model_data(source)
    index = _model_index()
    with _models_lock:
        return _merge_model_data(index, data, source if not isinstance(source, Mapping)
                                 else "the data given")


def _read_model_data(path: str | os.PathLike) -> Mapping[str, Any]:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as exc:
        raise OpenAIError("cannot read model data %s: %s" % (os.fspath(path), exc.strerror)
                          ) from None
    except (ValueError, RecursionError) as exc:
        raise OpenAIError("model data %s is not JSON: %s" % (os.fspath(path), exc)) from None


def _merge_model_data(index: dict[str, list[ModelInfo]], data: Any,
                      where: str | os.PathLike) -> int:
    source = "load_model_data(%s) on %s" % (os.fspath(where),
                                             time.strftime("%Y-%m-%d", time.gmtime()))
    rows = [_from_litellm(key, entry, source) for key, entry in data.items()] if isinstance(
        data, Mapping) else None
    if not rows or not any(rows):
        raise OpenAIError("model data %s is not in LiteLLM's format (a JSON object of model "
                          "name -> {\"litellm_provider\", \"max_input_tokens\", "
                          "\"input_cost_per_token\", ...})" % os.fspath(where))
    for info in filter(None, rows):
        _add_model(index, info)
    return sum(1 for info in rows if info)


def _from_litellm(key: str, entry: Any, source: str = "") -> ModelInfo | None:
    """One LiteLLM entry as a row, by the rules the generated table follows; None for the
    providers and modes we do not serve."""
    if not isinstance(entry, Mapping) or entry.get("mode") not in ("chat", "embedding",
                                                                    "responses"):
        return None
    litellm = _str(entry.get("litellm_provider")) or ""
    provider = _LITELLM_PROVIDERS.get(litellm)
    if provider is None or not isinstance(key, str):
        return None
    name = key[len(litellm) + 1:] if key.startswith(litellm + "/") else key
    for field_name, value in entry.items():
        low, high = _SANE.get(field_name, (0, 0.01) if "cost_per_token" in field_name or
                              field_name.endswith("_token_cost") else (None, None))
        if low is not None and high is not None and value is not None and not (
                isinstance(value, (int, float)) and not isinstance(value, bool)
                and low <= value <= high):
            raise OpenAIError("model data for %r: %s is %r; expected a number from %s to %s"
                              % (key, field_name, value, low, high))
    max_input, max_output = _int(entry.get("max_input_tokens")), _int(
        entry.get("max_output_tokens"))
    window, max_input = _window(provider, max_input, max_output)
    return ModelInfo(name, provider, window, max_input,
                     None if provider == "ollama" else max_output,
                     _per_million(entry.get("input_cost_per_token")),
                     _per_million(entry.get("cache_read_input_token_cost")),
                     _per_million(entry.get("output_cost_per_token")),
                     _str(entry.get("deprecation_date")), _litellm_prices(entry), source)


# What a row may hold: prices per token up to $10,000 per 1M tokens, limits up to 10^9 tokens.
_SANE = {"max_input_tokens": (1, 10**9), "max_output_tokens": (1, 10**9)}

# LiteLLM's provider names -> ours (load_model_data reads LiteLLM's JSON format).
_LITELLM_PROVIDERS = {"openai": "openai", "text-completion-openai": None, "azure": "azure",
                      "groq": "groq", "together_ai": "together", "fireworks_ai": "fireworks",
                      "openrouter": "openrouter", "deepseek": "deepseek", "mistral": "mistral",
                      "xai": "xai", "ollama": "ollama"}


def _per_million(per_token: Any) -> float | None:
    number = _number(per_token)
    return None if number is None or not math.isfinite(number) else round(number * 1e6, 6)


def _window(provider: str, max_input: int | None, max_output: int | None
            ) -> tuple[int | None, int | None]:
    """(context window, prompt cap) from LiteLLM's two limits. OpenAI documents the GPT-5
    families' windows as prompt cap + output (400,000 = 272,000 + 128,000; 1,050,000 =
    922,000 + 128,000; Azure's 128,000 = 111,616 + 16,384); LiteLLM records the cap for some
    and the whole window for others. Elsewhere max_input is the window. A local server's
    window is its own (Ollama's num_ctx): no limits."""
    if provider == "ollama":
        return None, None
    if provider in ("openai", "azure") and max_input and max_output:
        if max_input + max_output in (400_000, 1_050_000, 128_000):
            return max_input + max_output, max_input
        if (max_input, max_output) in ((400_000, 128_000), (1_050_000, 128_000)):
            return max_input, max_input - max_output
    return max_input, max_input


def _litellm_prices(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A LiteLLM entry's tier prices, as the generated table's extras (USD per 1M)."""
    def tier(suffix: str, keys: tuple = ("input_cost_per_token", "cache_read_input_token_cost",
                                          "output_cost_per_token")) -> tuple | None:
        if entry.get(keys[0] + suffix) is None:
            return None
        return tuple(_per_million(entry.get(k + suffix)) for k in keys)
    out: dict[str, Any] = {}
    thresholds = sorted(int(k[27:-8]) for k in entry    # input_cost_per_token_above_Nk_tokens
                        if re.fullmatch(r"input_cost_per_token_above_\d+k_tokens", k))
    if thresholds and tier("_above_%dk_tokens" % thresholds[0]):
        out["long"] = (thresholds[0] * 1000,) + tier("_above_%dk_tokens" % thresholds[0])  # type: ignore[operator]
    for name in ("flex", "priority"):
        if tier("_" + name):
            out[name] = tier("_" + name)
    batch = tier("_batches", ("input_cost_per_token", "output_cost_per_token"))
    if batch:
        out["batch"] = batch
    write = _per_million(entry.get("cache_creation_input_token_cost"))
    if write:                           # 0.0 (DeepSeek) is no separate price
        out["cache_write"] = write
    off = entry.get("off_peak_pricing")
    if isinstance(off, Mapping) and off.get("input_cost_per_token") is not None:
        out["off_peak"] = tuple(_per_million(off.get(k)) for k in (
            "input_cost_per_token", "cache_read_input_token_cost", "output_cost_per_token")
        ) + (_off_peak_windows(off.get("windows")),)
    return out


def _off_peak_windows(windows: Any) -> tuple:
    """DeepSeek's off-peak windows as ((ISO weekdays), ("HH:MM-HH:MM" UTC, ...)) pairs,
    checked: a file that says otherwise is refused, naming the field."""
    out = []
    for w in windows if isinstance(windows, list) else [None]:
        hours = _dict(w).get("hours_utc")
        hours = [hours] if isinstance(hours, str) else hours
        days = _dict(w).get("weekdays")
        if not (isinstance(days, list) and all(_int(d) in range(1, 8) for d in days)
                and isinstance(hours, list) and all(isinstance(h, str) and re.fullmatch(
                    r"[0-2]\d:[0-5]\d-[0-2]\d:[0-5]\d", h) for h in hours)):
            raise OpenAIError("model data: off_peak_pricing.windows must be a list of "
                              "{\"weekdays\": [1-7...], \"hours_utc\": \"HH:MM-HH:MM\"}, "
                              "not %s" % _readable(windows))
        out.append((tuple(days), tuple(hours)))
    return tuple(out)


_BEFORE_SEND.append(_check_limits)
__all__ += ["estimate_tokens", "context_window", "estimate_cost", "model_info",
            "load_model_data"]


# -------------------------------------------------------------------------------------------------
# III.4 Budgets and long runs: for experiment scripts that send many prompts.


class Budget:
    """Token and cost limits shared by many calls (thread-safe).

        budget = Budget(max_cost=0.50)
        chat_many(prompts, model="gpt-4o-mini", budget=budget)
        print(budget.tokens_used, budget.cost_used)

    A call is refused (BudgetExceededError, nothing sent) once recorded use has reached a
    limit. Calls already in flight finish, so the last one can go past the limit."""

    def __init__(self, max_tokens: int | None = None, max_cost: float | None = None):
        for name, value in (("max_tokens", max_tokens), ("max_cost", max_cost)):
            if value is not None and not (isinstance(value, (int, float))
                                          and not isinstance(value, bool)
                                          and 0 <= value < math.inf):
                raise ValueError("Budget(%s=) must be a finite number >= 0 or None, not %r"
                                 % (name, value))
        self.max_tokens, self.max_cost = max_tokens, max_cost
        self.tokens_used, self.cost_used = 0, 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "Budget(tokens_used=%d/%s, cost_used=%.6f/%s)" % (
            self.tokens_used, self.max_tokens, self.cost_used, self.max_cost)

    def check(self, model: str, provider: str | None = None) -> None:
        with self._lock:
            if self.max_tokens is not None and self.tokens_used >= self.max_tokens:
                raise BudgetExceededError("token budget reached: %d of %d used"
                                          % (self.tokens_used, self.max_tokens))
            if self.max_cost is not None and self.cost_used >= self.max_cost:
                raise BudgetExceededError("cost budget reached: $%.4f of $%.4f used"
                                          % (self.cost_used, self.max_cost))
        info = model_info(model, provider) if self.max_cost is not None else None
        if self.max_cost is not None and (info is None or info.input_price is None):
            raise BudgetExceededError("a cost limit needs a price for %r: add one with "
                                      "load_model_data()"
                                      % model)

    def record(self, response: ChatResponse, request: Request | None = None) -> None:
        """Count a response's usage. A stream cut short has none: with its request, the
        tokens are estimated from the prompt and the text received."""
        usage = response.usage
        if (usage is None or not usage.total_tokens or usage.total_tokens < 0) and request:
            usage = _estimated_usage((request.json or {})["messages"], response)
        tokens = usage.total_tokens if usage and usage.total_tokens else 0
        requested = request and (request.json or {}).get("model")
        cost = None
        for model in (response.model, requested):  # the answer's model, else the one asked
            if cost is None and model:              # for (none named, or one we do not know)
                cost = estimate_cost(usage, model, response.provider,
                                     service_tier=response.service_tier,
                                     created=response.created)
        with self._lock:
            self.tokens_used += tokens if 0 < tokens < 2**53 else 0
            self.cost_used += cost if cost and 0 < cost < math.inf else 0.0


def _estimated_usage(messages: list, response: ChatResponse) -> Usage:
    prompt = estimate_tokens(messages)
    output = sum(estimate_tokens((c.message.content or "") + (c.message.reasoning or ""))
                 for c in response.choices)
    return Usage(prompt, output, prompt + output)


def chat_many(jobs: typing.Iterable[str | list | Mapping[str, Any]], *,
              model: str | None = None, max_workers: int = 8,
              requests_per_minute: float | None = None,
              tokens_per_minute: float | None = None, output: str | os.PathLike | None = None,
              max_rate_limit_wait: float = 600.0, progress: bool = False,
              **common: Unpack[ChatArgs]) -> list[ChatResponse | Exception]:
    """Run many chat() calls in parallel threads; results come back in job order.

    jobs: prompts, message lists, or dicts of per-job chat() arguments (and, optionally, a
    "custom_id"); common: arguments shared by all. A job that fails leaves its exception in
    its slot instead of raising, so one bad prompt never loses the others' results.

    Pacing (_RateGate): starts are paced by the limits the provider's answers state
    (x-ratelimit-* headers) and by requests_per_minute / tokens_per_minute when you set
    them (headroom for other programs); a 429 slows the whole run, is waited out and the job
    sent again, without using up max_retries, up to max_rate_limit_wait seconds in all.
    output: a JSONL file written as jobs finish; run again with the same jobs and file to
    resume (answered jobs are read back, failed ones sent again). See chat_iter().

        >>> [r.content for r in chat_many(["a", "b"], model="mock:echo")]
        ['a', 'b']
    """
    results: list[Any] = []
    for index, result in chat_iter(
            jobs, model=model, max_workers=max_workers, requests_per_minute=requests_per_minute,
            tokens_per_minute=tokens_per_minute, output=output,
            max_rate_limit_wait=max_rate_limit_wait, progress=progress, **common):
        results.extend([None] * (index + 1 - len(results)))
        results[index] = result
    return results


def chat_iter(jobs: typing.Iterable[str | list | Mapping[str, Any]], *,
              model: str | None = None, max_workers: int = 8,
              requests_per_minute: float | None = None,
              tokens_per_minute: float | None = None, output: str | os.PathLike | None = None,
              max_rate_limit_wait: float = 600.0, progress: bool = False,
              **common: Unpack[ChatArgs]) -> Iterator[tuple[int, ChatResponse | Exception]]:
    """chat_many() as (index, result) pairs, in the order the jobs finish (with output=,
    the jobs answered in an earlier run first): for scripts that act on results as they
    come."""
    _check_seconds(max_rate_limit_wait, "max_rate_limit_wait")
    if isinstance(max_workers, bool) or not isinstance(max_workers, int) or max_workers < 1:
        raise TypeError("max_workers must be an integer >= 1, not %r" % (max_workers,))
    jobs, ids = _prepared_jobs(jobs, dict[str, Any](common, **({"model": model} if model
                                                                else {})))
    gate = _RateGate(requests_per_minute, tokens_per_minute, max_rate_limit_wait)
    log_file = _ResultFile(output, jobs, ids) if output is not None else None
    done = log_file.answered() if log_file else {}
    session = common.get("session") or _new_session(pool_size=max_workers)
    session.rate_gate = gate       # _send paces every request through it  # type: ignore
    count = _Progress(len(jobs), gate) if progress else None
    try:
        yield from done.items()
        todo = [(i, job) for i, job in enumerate(jobs) if i not in done]
        for index, result in _as_finished(todo, session, max_workers):
            if log_file:
                log_file.write(index, result)
            if count:
                count.add(result)
            yield index, result
    finally:
        if session is common.get("session"):
            vars(session).pop("rate_gate", None)
        else:
            session.close()
        if log_file:
            log_file.close()
        if count:
            count.end()


def _prepared_jobs(jobs: Any, shared: dict[str, Any]) -> tuple[list[dict], list]:
    """Each job's chat() arguments, checked before any is sent, and its custom_id."""
    if isinstance(jobs, (str, bytes, Mapping)):
        raise TypeError("jobs must be a list of prompts, message lists or dicts of chat() "
                        "arguments, not %s (wrap one job in [...])" % type(jobs).__name__)
    jobs = [_job_args(job, shared) for job in jobs]
    ids = [job.pop("custom_id", None) for job in jobs]
    for index, job in enumerate(jobs):
        try:
            _checked_names(job)
        except TypeError as exc:
            raise TypeError("job %d: %s" % (index, exc)) from None
    return jobs, ids


def _as_finished(todo: list[tuple[int, dict]], session: requests.Session,
                 workers: int) -> Iterator[tuple[int, Any]]:
    """(index, result) of each job as it finishes, with at most `workers` running: a job
    starts when another ends, so a run of 100,000 never holds 100,000 futures."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
    jobs = iter(todo)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        running = {pool.submit(_run_job, job, session): i
                   for i, job in itertools.islice(jobs, workers)}
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                yield running.pop(future), future.result()
                for i, job in itertools.islice(jobs, 1):
                    running[pool.submit(_run_job, job, session)] = i


def _run_job(args: dict, session: requests.Session) -> Any:
    try:
        return _chat(dict(args, session=args.get("session") or session), True)
    except Exception as exc:   # kept in its slot: one bad job loses nothing else
        return exc


class _ResultFile:
    """chat_many's output=: a header naming the job list (a hash of the jobs), then one JSON
    line per finished job, flushed as it is written: a crash loses at most the jobs in
    flight, and a run with the same jobs and file goes on where it stopped."""

    def __init__(self, path: str | os.PathLike, jobs: list[dict], ids: list) -> None:
        self.path, self.ids, self.lock = os.fspath(path), ids, threading.Lock()
        digest = hashlib.sha256(json.dumps(
            [{k: v for k, v in job.items() if k not in ("api_key", "session", "budget")}
             for job in jobs], sort_keys=True, default=lambda o: type(o).__name__).encode())
        self.header = {"openai_compat": "chat_many results", "jobs": len(jobs),
                       "jobs_sha256": digest.hexdigest()}
        self.lines = self._read()
        self.file = open(self.path, "ab")
        if not self.lines:
            self._append(self.header)

    def _read(self) -> list[dict]:
        try:
            with open(self.path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise OpenAIError("cannot read %s: %s" % (self.path, exc.strerror)) from None
        whole = data[:data.rfind(b"\n") + 1]        # a line cut off by a crash is dropped
        if len(whole) != len(data):
            with open(self.path, "r+b") as f:
                f.truncate(len(whole))
        lines = []
        for number, line in enumerate(whole.splitlines(), 1):
            try:
                lines.append(json.loads(line))
            except (ValueError, RecursionError):
                raise OpenAIError("%s, line %d: not a chat_many results line" % (
                    self.path, number)) from None
        if lines and lines[0] != self.header:
            raise OpenAIError("%s holds the results of a different job list (%s); give "
                              "another output file, or delete it to start again"
                              % (self.path, _readable(lines[0])[:120]))
        return lines

    def answered(self) -> dict[int, ChatResponse]:
        """The jobs answered in an earlier run, as the ChatResponses they were."""
        found: dict[int, ChatResponse] = {}
        for line in self.lines[1:]:
            index = _int(_dict(line).get("index"))
            if index is not None and 0 <= index < self.header["jobs"] and isinstance(
                    line.get("response"), dict) and index not in found:
                found[index] = _parse_chat(line["response"], _str(line.get("provider")) or
                                           "custom")
        return found

    def write(self, index: int, result: Any) -> None:
        line: dict[str, Any] = {"index": index}
        if self.ids[index] is not None:
            line["custom_id"] = self.ids[index]
        if isinstance(result, ChatResponse):
            line.update(provider=result.provider, response=result.raw)
        else:
            line["error"] = {"type": type(result).__name__, "message": str(result),
                             "status": getattr(result, "status_code", None)}
        self._append(line)

    def _append(self, line: dict) -> None:
        with self.lock:
            self.file.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
            self.file.flush()

    def close(self) -> None:
        self.file.close()


class _Progress:
    """progress=True: one line on stderr, rewritten as jobs finish."""

    def __init__(self, total: int, gate: _RateGate) -> None:
        self.total, self.gate, self.start = total, gate, time.monotonic()
        self.done = self.failed = self.tokens = 0

    def add(self, result: Any) -> None:
        self.done += 1
        self.failed += isinstance(result, Exception)
        usage = getattr(result, "usage", None)
        self.tokens += (usage and usage.total_tokens) or 0
        minutes = max(time.monotonic() - self.start, 1e-6) / 60
        eta = (self.total - self.done) / max(self.done / minutes, 1e-9) * 60
        print("\r%d/%d done, %d failed, %.0f requests and %.0f tokens a minute, ETA %.0fs%s"
              % (self.done, self.total, self.failed, self.done / minutes, self.tokens / minutes,
                 eta, self.gate.describe()), end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.done:
            print(file=sys.stderr)


def _parse_duration(text: Any) -> float | None:
    """Seconds from "6m0s", "1m30.5s", "20ms", "0.5s" (Go durations: OpenAI, Azure, Groq) or
    plain "2"; None when absent, negative or unreadable."""
    text = str(text or "").strip().lower()
    try:
        value = float(text)
        return value if 0 <= value < 1e7 else None      # not NaN, not an epoch date
    except ValueError:
        pass
    parts = re.findall(r"(\d+(?:\.\d*)?|\.\d+)(ms|us|µs|ns|h|m|s)", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    return sum(float(n) * _DURATION_UNITS[u] for n, u in parts)


_DURATION_UNITS = {"h": 3600, "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6, "µs": 1e-6, "ns": 1e-9}


def _rate_headers(headers: Mapping[str, str]) -> dict[str, tuple]:
    """{"requests" / "tokens": (limit, remaining, seconds to full)} from OpenAI's, Azure's and
    Groq's x-ratelimit-* headers (Groq's requests limit is per day; the period shows that)."""
    out = {}
    for kind in ("requests", "tokens"):
        limit = _header_number(headers.get("x-ratelimit-limit-" + kind))
        remaining = _header_number(headers.get("x-ratelimit-remaining-" + kind))
        if limit and remaining is not None:
            out[kind] = (limit, min(remaining, limit),
                         _parse_duration(headers.get("x-ratelimit-reset-" + kind)))
    return out


def _header_number(text: Any) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if 0 <= value < 1e15 else None


def _job_args(job, common: Mapping[str, Any]) -> dict:
    """One job's chat() arguments: the common ones, then the job's own."""
    if isinstance(job, Mapping):
        return dict(common, **job)
    if isinstance(job, (str, list)):
        return dict(common, messages=job)
    raise TypeError("each job must be a prompt, a message list or a dict of chat() "
                    "arguments, not %r" % type(job).__name__)


def _checked_names(args: dict) -> dict:
    """A misspelt argument is a TypeError, as chat() itself raises: these arguments go on
    as a dict, past its signature."""
    _check_keywords(args, _CHAT_PARAMETERS)
    return args


class _RateGate:
    """One pacing gate shared by every request of a chat_many run (Part I's _send calls
    start() before and report() after each request).

    Known limits (the x-ratelimit-* headers of the answers, or the caller's caps) are token
    buckets refilling continuously: a request starts when both hold what it needs, so a fresh
    quota is used at once. A 429 although the buckets had room means the minute is enforced
    in shorter windows ("60,000 requests/minute may be enforced as 1,000 requests/second",
    OpenAI's rate-limit advice): from then on starts are paced evenly. Limits nothing tells
    of (no headers; Groq's requests per minute) are found by AIMD on the gap between starts.
    Every fresh 429 pauses all threads once, with a little jitter; past max_wait seconds of
    such pauses in all, start() raises (a dead quota must not wait for ever)."""

    def __init__(self, requests_per_minute: float | None = None,
                 tokens_per_minute: float | None = None, max_wait: float = 600.0) -> None:
        for name, value in (("requests_per_minute", requests_per_minute),
                            ("tokens_per_minute", tokens_per_minute)):
            if value is not None:
                _check_seconds(value, name)      # a positive finite number, as seconds are
        self.max_wait, self.cond = max_wait, threading.Condition()
        self.caps = {"requests": requests_per_minute, "tokens": tokens_per_minute}
        self.rate = {k: c / 60 for k, c in self.caps.items() if c}   # per second
        self.cap = {k: c for k, c in self.caps.items() if c}         # most a bucket holds
        self.level = dict(self.cap)     # the caller's caps start full, as a fresh quota does
        self.sent = {"requests": 0.0, "tokens": 0.0}      # in all: to date the answers
        self.flying = {"requests": 0.0, "tokens": 0.0}    # sent, not answered yet
        self.at = self.t0 = time.monotonic()
        self.paused_until = self.waited = 0.0    # the shared pause; its seconds in all
        self.gap = self.next_start = 0.0          # AIMD spacing, while no limit is known
        self.answered = self.in_flight = self.streak = 0
        self.last_cut, self.share = -math.inf, 1.0
        self.ok_times: collections.deque[float] = collections.deque(maxlen=32)  # last answers

    def _refill(self, now: float) -> None:
        for k, rate in self.rate.items():
            self.level[k] = min(self.cap[k], self.level[k] + (now - self.at) * rate)
        self.at = now

    def start(self, req: Request) -> dict:
        """Wait until this request may start; a ticket for report()."""
        body, count = req.json or {}, _tiktoken_counter()
        # As providers count against a limit: the prompt's text (no chat framing), plus
        # the most it may write ("contexts (prompts+max_tokens)", OpenAI's rate-limit advice).
        tokens = sum(count(_message_text(m)) for m in body.get("messages") or ()) + (
            body.get("max_completion_tokens") or body.get("max_tokens") or 0) * (
            body.get("n") or 1)
        need = {"requests": 1, "tokens": tokens}
        with self.cond:
            while True:
                if self.waited > self.max_wait:
                    raise APITimeoutError("rate limited for %.0f s in all, past "
                                          "max_rate_limit_wait=%s: is the quota used up?"
                                          % (self.waited, self.max_wait))
                now = time.monotonic()
                self._refill(now)
                waits = [self.paused_until - now, self.next_start - now]
                if self.in_flight >= max(1, 2 * self.answered):
                    waits.append(0.05)  # slow start: the first answers' headers come first
                for k in self.rate:     # a request bigger than a bucket waits for a full one
                    waits.append((min(need[k], self.cap[k]) - self.level[k]) / self.rate[k])
                if max(waits) <= 0:
                    break
                self.cond.wait(max(waits))
            for k in need:
                self.sent[k] += need[k]
                self.flying[k] += need[k]
                if k in self.rate:
                    self.level[k] -= need[k]
            self.next_start, self.in_flight = now + self.gap, self.in_flight + 1
            return {"sent": dict(self.sent), "need": need, "at": now, "reported": False}

    def report(self, headers: Mapping[str, str], status: int | None, ticket: dict) -> None:
        """Learn from one answer (or a failed attempt: status None): its limits and what
        remains; on a 429, pause everyone."""
        with self.cond:
            ticket["reported"] = True
            now = time.monotonic()
            self._refill(now)
            self.answered, self.in_flight = self.answered + 1, max(0, self.in_flight - 1)
            for k in self.flying:
                self.flying[k] = max(0.0, self.flying[k] - ticket["need"][k])
            said = _rate_headers(headers)
            for kind, (limit, remaining, reset) in said.items():
                self._learn(kind, limit, remaining, reset, ticket, now)
            fresh = ticket["at"] >= self.last_cut        # sent after our last slow-down
            if status == 429 and fresh:
                self._slow_down(headers, said, ticket, now)
            elif status != 429:
                self.streak = 0 if fresh else self.streak
                self.gap *= 0.995               # no limits known: creep faster (AIMD)
                self.ok_times.append(now)
            self.cond.notify_all()

    def _learn(self, kind: str, limit: float, remaining: float, reset: float | None,
               ticket: dict, now: float) -> None:
        # Per minute, unless whole again only after more than a minute (Groq's requests per
        # day): then refilling from `remaining` to whole in `reset` gives the period.
        period = 60.0
        if reset and reset > 60 and limit > remaining:
            period = min(86400.0, reset * limit / (limit - remaining))
        cap = min(limit, self.caps[kind] or limit)
        self.rate[kind] = self.share * min(limit / period, (self.caps[kind] or limit) / 60)
        self.cap[kind] = min(self.cap.get(kind, cap), cap)
        # `remaining` was true when this request reached the server: less what went out
        # since, plus what refilled since. Answers overtake each other, so it only corrects
        # our count when that is clearly too high (someone else shares the quota).
        there = remaining - (self.sent[kind] - ticket["sent"][kind]) + \
            self.rate[kind] * (now - ticket["at"])
        slack = self.flying[kind] + ticket["need"][kind]
        self.level[kind] = there if kind not in self.level else min(self.level[kind],
                                                                     there + slack)

    def _slow_down(self, headers: Mapping[str, str], said: dict, ticket: dict,
                   now: float) -> None:
        self.last_cut, self.streak = now, self.streak + 1
        hint = _parse_retry_after(headers)
        wait = hint if hint is not None and 0 <= hint < 600 else \
            min(0.5 * 2 ** (self.streak - 1), 30.0)          # nothing said: back off
        need = ticket["need"]
        room = {k: said[k][1] if k in said else self.level.get(k) for k in need}
        minute = [k for k in self.rate if k not in said or (said[k][2] or 0) <= 90]
        if any(room[k] is not None and room[k] < 2 * need[k] for k in need):
            pass                # a known limit ran out: the pause below is all it takes
        elif self.share == 1.0 and minute and self.rate:
            self.share = 0.97   # refused with room left: short windows; no more bursts
            for k in minute:
                self.rate[k] *= self.share
                self.cap[k] = max(1.0, self.rate[k] * 0.1)
                self.level[k] = min(self.level[k], 0.0)
        else:                   # a limit nothing shows: space starts at the pace that got
            # answers lately (what the limit let through), a little slower while refused
            recent = self.ok_times
            got = (len(recent) - 1) / (recent[-1] - recent[0]) if len(recent) > 4 and \
                recent[-1] > recent[0] else max(1.0, self.sent["requests"]) / max(
                    now - self.t0, 0.1)
            self.gap = max(self.gap, 1 / got) * 1.05 ** self.streak
        until = now + wait * (1 + 0.1 * random.random())     # jitter: not all in one ms
        if until > self.paused_until:
            self.waited += until - max(now, self.paused_until)
            self.paused_until = until

    @staticmethod
    def holds(error: APIError) -> bool:
        """A rate limit (not an empty account): waited out in start(), without a retry."""
        return error.status_code == 429 and "insufficient_quota" not in (error.code,
                                                                         error.type)

    def describe(self) -> str:
        with self.cond:
            known = ["%.0f %s" % (rate * 60, kind) for kind, rate in sorted(self.rate.items())]
        return ", limits: %s a minute" % " and ".join(known) if known else ""


__all__ += ["Budget", "chat_many", "chat_iter"]


# -------------------------------------------------------------------------------------------------
# III.5 The Batch API: large runs handed to the provider's own batch engine (OpenAI,
# Azure, Groq), at its batch price and outside its per-minute limits. A JSONL file of requests,
# built exactly as chat() builds them, is uploaded; the batch is polled; the results come
# back in job order, matched by custom_id ("job-<index>"), never by line order.


def submit_batch(jobs: typing.Iterable[str | list | Mapping[str, Any]], model: str, *,
                 provider: str | Provider | None = None, api_key: str | None = None,
                 base_url: str | None = None, api_version: str | None = None,
                 completion_window: str = "24h", metadata: Mapping[str, str] | None = None,
                 session: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT,
                 max_retries: int = DEFAULT_MAX_RETRIES,
                 **common: Any) -> Batch:   # not Unpack[_JobArgs]: metadata= is the batch's
    """Hand many chat() calls to the provider's Batch API; returns at once with the Batch.

    jobs are what chat_many() takes (a prompt, a message list, or a dict of per-job chat()
    arguments); common: chat() arguments for every job. Every job is built and checked as
    chat() builds it before anything is uploaded. Custom ids are "job-<index>", so results
    come back in job order, from the batch id alone too (get_batch)."""
    jobs = _job_list(jobs)
    _check_batch_request(completion_window, metadata)
    _refuse_in_batches(common, "submit_batch()")
    p, name = _provider_and_model(model, provider, base_url)
    target = _BatchTarget(p, name, base_url, api_key, api_version, session, timeout,
                          max_retries)
    common = dict[str, Any](common, provider=p, base_url=base_url, api_key=api_key,
                  api_version=api_version)
    parsing: dict[int, _Parsing] = {}
    boundary = "openai-compat-" + os.urandom(12).hex()
    body = bytearray(_multipart_head(boundary))
    for line in _batch_lines(jobs, name, common, parsing):
        body += line
    body += b"\r\n--%s--\r\n" % boundary.encode()
    uploaded = target.request("POST", "/files", body=body,
                              content_type="multipart/form-data; boundary=" + boundary)
    del body                                # the upload holds the only copy; free it now
    file_id = _str(_dict(uploaded).get("id"))
    if not file_id:
        raise _scrub(OpenAIError("%s did not send a file object: %s"
                                 % (p.name, _readable(uploaded))), target.secret)
    request = {"input_file_id": file_id, "endpoint": p.batch,
               "completion_window": completion_window}
    if metadata is not None:
        request["metadata"] = dict(metadata)
    return Batch(_batch_object(target.request("POST", "/batches", request), target), target,
                 parsing, jobs=len(jobs))


def _refuse_in_batches(common: Mapping[str, Any], where: str) -> None:
    """chat()'s sending arguments mean nothing in a batch file: refused, not ignored."""
    ignored = sorted(set(common) & {"budget", "stream", "session", "timeout", "max_retries"})
    if ignored:
        raise TypeError("%s does not take %s: a batch's requests are sent by the provider "
                        "(a Budget can count batch.results() instead)" % (where, ignored[0]))


def _job_list(jobs: Any) -> list:
    """jobs as a list, checked: a string or a dict is one job, not a list of them."""
    if isinstance(jobs, (str, bytes, Mapping)) or not isinstance(jobs, typing.Iterable):
        raise TypeError("jobs must be a list of prompts, message lists or dicts of chat() "
                        "arguments, not %s (wrap one job in [...])" % type(jobs).__name__)
    jobs = list(jobs)
    if not jobs or len(jobs) > MAX_BATCH_JOBS:
        raise ValueError("jobs must hold 1 to %d jobs (MAX_BATCH_JOBS), not %d"
                         % (MAX_BATCH_JOBS, len(jobs)))
    return jobs


def _check_batch_request(completion_window: Any, metadata: Any) -> None:
    """The batch's own fields, as OpenAI documents them: a window such as "24h", and at most
    16 metadata pairs of strings (keys up to 64 characters, values up to 512)."""
    if not (isinstance(completion_window, str) and completion_window[:-1].isdigit()
            and completion_window[-1:] in ("h", "d") and completion_window.isascii()):
        raise ValueError("completion_window must be a duration such as '24h', not %r"
                         % (completion_window,))
    if metadata is None:
        return
    if not isinstance(metadata, Mapping) or len(metadata) > 16 or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) <= 64 and len(v) <= 512
            for k, v in metadata.items()):
        raise TypeError("metadata must be a dict of at most 16 strings to strings (keys up "
                        "to 64 characters, values up to 512), not %r" % (metadata,))


def get_batch(batch_id: str, *, provider: str | Provider | None = None,
              api_key: str | None = None, base_url: str | None = None,
              api_version: str | None = None, session: requests.Session | None = None,
              timeout: Timeout = DEFAULT_TIMEOUT,
              max_retries: int = DEFAULT_MAX_RETRIES) -> Batch:
    """The batch with this id, as it is now: resume waiting and reading results in another
    process. Results come in job order from the custom ids ("job-<index>") alone."""
    if not isinstance(batch_id, str) or batch_id in ("", ".", "..") or "/" in batch_id:
        raise TypeError("batch_id must be an id such as 'batch_abc123', not %r" % (batch_id,))
    p = _provider_for(provider, base_url)
    target = _BatchTarget(p, None, base_url, api_key, api_version, session, timeout,
                          max_retries)
    return Batch({"id": batch_id}, target).refresh()


class Batch:
    """A batch on the provider's Batch API: submit_batch() makes one, get_batch() finds one
    again (in another process too) from its id.

        batch = submit_batch(["prompt one", "prompt two"], model="gpt-4o-mini")
        batch.wait(progress=True)
        for result in batch.results():     # in job order: a ChatResponse or an APIError
            print(result if isinstance(result, Exception) else result.content)

    id, status (the provider's word: validating, in_progress, finalizing, completed, failed,
    expired, cancelling, cancelled), counts (total / completed / failed) and raw (the batch
    object as the provider last sent it)."""

    def __init__(self, raw: dict, target: _BatchTarget,
                 parsing: dict[int, _Parsing] | None = None, jobs: int | None = None) -> None:
        self.raw, self._target, self._parsing = raw, target, parsing or {}
        self._jobs = jobs                # how many were sent, when this process sent them
        self._results: list[ChatResponse | APIError] | None = None

    def __repr__(self) -> str:
        forms = _secret_forms(self._target.secret)
        return "Batch(id=%r, status=%r, counts=%r)" % (_redact(self.id, forms),
                                                       _redact(self.status, forms), self.counts)

    id = property(lambda self: _str(self.raw.get("id")) or "")
    status = property(lambda self: _str(self.raw.get("status")) or "unknown")

    @property
    def counts(self) -> BatchCounts:
        c = _dict(self.raw.get("request_counts"))
        return BatchCounts(_int(c.get("total")) or 0, _int(c.get("completed")) or 0,
                           _int(c.get("failed")) or 0)

    @property
    def done(self) -> bool:
        return self.status in _TERMINAL

    def refresh(self, until: float = math.inf) -> Batch:
        """Ask the provider for the batch's status now (429 and 5xx are retried)."""
        self.raw = _batch_object(self._target.request(
            "GET", "/batches/" + _segment(self.id, "batch id"), until=until),
            self._target, self.id)
        return self

    def wait(self, poll_interval: float = 5.0, timeout: float | None = None,
             progress: bool = False) -> Batch:
        """Poll, at growing intervals (x1.5 up to a minute), until the batch ends. timeout:
        seconds for the whole wait, polls and their retries included, then APITimeoutError
        (the batch runs on). progress: a line on stderr."""
        _check_seconds(poll_interval, "poll_interval")
        if timeout is not None:
            _check_seconds(timeout, "timeout")
        until = math.inf if timeout is None else time.monotonic() + timeout
        while not self._poll(until, timeout).done:
            if progress:
                c = self.counts
                print("\r%s: %s, %d/%d done, %d failed" % (
                    _shown_text(self.id, self), _shown_text(self.status, self), c.completed,
                    c.total, c.failed), end="", file=sys.stderr, flush=True)
            if time.monotonic() + poll_interval > until:
                raise _scrub(APITimeoutError("batch %s is still %s after %ss; it runs on: "
                                             "get_batch(%r) finds it" % (
                                                 self.id, self.status, timeout, self.id)),
                             self._target.secret)
            _sleep(poll_interval)
            poll_interval = min(poll_interval * 1.5, 60.0)
        if progress:
            print("\r%s: %s%s" % (_shown_text(self.id, self), _shown_text(self.status, self),
                                   " " * 30), file=sys.stderr)
        return self

    def _poll(self, until: float, timeout: float | None) -> Batch:
        try:
            return self.refresh(until)
        except APIError as exc:     # a poll failed, and its retry would not end in time
            if until == math.inf or not (isinstance(exc, APIConnectionError)
                                         or _should_retry(exc)):
                raise
            raise _scrub(APITimeoutError("batch %s is still %s after %ss (the last poll: %s); "
                                         "it runs on: get_batch(%r) finds it"
                                         % (self.id, self.status, timeout, exc, self.id)),
                         self._target.secret) from exc

    def cancel(self) -> Batch:
        """Ask the provider to stop the batch; what finished already stays in its results."""
        self.raw = _batch_object(self._target.request(
            "POST", "/batches/%s/cancel" % _segment(self.id, "batch id"), {}),
            self._target, self.id)
        return self

    def results(self) -> list[ChatResponse | APIError]:
        """One entry per job sent, in job order: a ChatResponse, the APIError subclass the
        failed request's status gives, or, for a job with no result line (the batch has not
        ended, expired or was cancelled first), an APIError that says so. Downloads the
        output and error files; kept once the batch has ended."""
        if self._results is not None:
            return self._results
        jobs = self._jobs if self._jobs is not None else self.counts.total
        if jobs > MAX_BATCH_JOBS:
            raise _scrub(OpenAIError("batch %s claims %d requests, more than a batch holds "
                                     "(MAX_BATCH_JOBS = %d)" % (self.id, jobs, MAX_BATCH_JOBS)),
                         self._target.secret)
        found: dict[int, ChatResponse | APIError] = {}
        for name in ("output_file_id", "error_file_id"):
            file_id = _str(self.raw.get(name))
            if file_id:
                path = "/files/%s/content" % _segment(file_id, name)
                with _scrubbing(self._target.secret):
                    lines = self._target.request("GET", path, read=_read_lines)
                    for index, result in _result_lines(lines, self._target.provider.name,
                                                       self._parsing, jobs or MAX_BATCH_JOBS):
                        found.setdefault(index, result)    # the first answer for a job wins
        results = [_scrub(r, self._target.secret) if isinstance(r, APIError) else r
                   for r in _in_job_order(found, jobs, self.status)]
        if self.done:
            self._results = results
        return results

    @property
    def cost(self) -> float | None:
        """USD at the provider's batch prices (the model table's batch row, else the
        provider's batch share of the list price), once results() has run; None before, or
        when any result's price is unknown."""
        if self._results is None:
            return None
        costs = [estimate_cost(r.usage, r.model, self._target.provider, created=r.created,
                               batch=True)
                 for r in self._results if isinstance(r, ChatResponse)]
        return None if any(c is None for c in costs) else sum(typing.cast(list, costs))


_TERMINAL = ("completed", "failed", "expired", "cancelled")


class _BatchTarget:
    """Where a batch lives and how to reach it: the arguments every request repeats, checked
    (and the key found) before the first byte."""

    def __init__(self, provider: Provider, model: str | None, base_url: str | None,
                 api_key: str | None, api_version: str | None,
                 session: requests.Session | None, timeout: Timeout, max_retries: int) -> None:
        _check_call(timeout, max_retries, session, None)
        if not provider.batch:
            raise OpenAIError("%s has no Batch API this module can use (OpenAI, Azure and Groq "
                              "do): run the jobs with chat_many() instead" % provider.name)
        self.provider, self.model, self.base_url = provider, model, base_url
        self.api_key, self.api_version = api_key, api_version
        self.session, self.timeout, self.max_retries = session, timeout, max_retries
        self.secret = self._prepare("/batches")[1]

    def _prepare(self, path: str) -> tuple[str, str | None, _Headers]:
        return _prepare(self.provider, self.model, self.base_url, self.api_key,
                        self.api_version, path)

    def request(self, method: str, path: str, json_body: dict | None = None,
                body: bytes | bytearray | None = None, content_type: str | None = None,
                read: Any = None, until: float = math.inf) -> Any:
        """One call of the files or batches API; its JSON (or read(response, deadline)).
        until: the whole call, retries included, ends by then (time.monotonic())."""
        url, key, headers = self._prepare(path)
        if content_type:
            headers["Content-Type"] = content_type
        req = Request(method, url, headers, json_body, provider=self.provider.name,
                      secret=key, body=body)
        session = _session_for(req, self.session)
        timeout = _within(self.timeout, until)
        with _scrubbing(key):
            if read is not None:
                return _send(session, req, timeout, self.max_retries, read, until)[1]
            return _call(req, session, timeout, self.max_retries, lambda data, resp: data,
                         until)


def _segment(value: str, what: str) -> str:
    """An id as one path segment: escaped, and never "." or ".." (a server's or a caller's
    id must not walk the key to another path)."""
    if not isinstance(value, str) or value in ("", ".", ".."):
        raise OpenAIError("%s %r is not an id" % (what, _readable(value)))
    return quote(value, safe="")



def _batch_object(data: Any, target: _BatchTarget, asked: str | None = None) -> dict:
    """The batch object of an answer: an object with an id, the id asked for when there is
    one (a server's id is never adopted in place of the caller's)."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise _scrub(OpenAIError("%s did not send a batch object: %s"
                                 % (target.provider.name, _readable(data))), target.secret)
    if asked is not None and data["id"] != asked:
        raise _scrub(OpenAIError("%s answered with batch %s when asked for %s"
                                 % (target.provider.name, _readable(data["id"]), asked)),
                     target.secret)
    return data


def _batch_lines(jobs: typing.Iterable[Any], model: str, common: Mapping[str, Any],
                 parsing: dict[int, _Parsing] | None = None) -> Iterator[bytes]:
    """The JSONL lines of a batch, one per job, each body built and checked as chat()
    builds it; a bad job raises before any line is used, naming its index."""
    url = None
    for index, job in enumerate(jobs):
        try:
            if isinstance(job, Mapping) and job.get("model") not in (None, model):
                raise ValueError("a batch runs one model (%s), and this job names %r: submit "
                                 "it in a batch of its own" % (model, job["model"]))
            args = _checked_names(dict(_job_args(job, common), model=model))
            args.pop("stream", None)
            req = _build(args, stream_usage=False)
            _check_limits(req)
        except (OpenAIError, TypeError, ValueError) as exc:
            raise _with_job_index(exc, index) from None
        provider = PROVIDERS.get(req.provider)
        url = url or (provider.batch if provider and provider.batch else "/v1/chat/completions")
        if req.parsing is not None and parsing is not None:
            parsing[index] = req.parsing
        yield json.dumps({"custom_id": "job-%d" % index, "method": "POST", "url": url,
                          "body": req.json}, ensure_ascii=False, allow_nan=False).encode() + b"\n"


def _with_job_index(exc: BaseException, index: int) -> BaseException:
    message = "job %d: %s" % (index, exc)
    try:
        return type(exc)(message)
    except TypeError:                       # an error class with keyword-only fields
        return OpenAIError(message)


def _multipart_head(boundary: str) -> bytes:
    """The form fields before the file's bytes: purpose=batch, then the file's own head."""
    return ('--{b}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n'
            '--{b}\r\nContent-Disposition: form-data; name="file"; filename="batch.jsonl"\r\n'
            'Content-Type: application/jsonl\r\n\r\n').format(b=boundary).encode()


def write_batch_file(jobs: typing.Iterable[str | list | Mapping[str, Any]],
                     path: str | os.PathLike, model: str, **common: Unpack[_JobArgs]) -> int:
    """Write the JSONL a batch would upload (for uploading yourself, or for vLLM's
    run-batch); sends nothing and needs no key. Returns the number of jobs written."""
    _refuse_in_batches(common, "write_batch_file()")
    args: dict[str, Any] = dict(common)
    args.setdefault("api_key", "(not sent)")    # the body needs no key; skip finding one
    count, temporary = 0, "%s.%s.tmp" % (os.fspath(path), os.urandom(4).hex())
    try:               # written beside it, then renamed: a bad job leaves the old file whole
        with open(temporary, "wb") as f:
            for line in _batch_lines(_job_list(jobs), model, args):
                f.write(line)
                count += 1
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return count


def read_batch_results(path_or_lines: str | os.PathLike | bytes | typing.Iterable[str | bytes],
                       provider: str = "custom") -> list[ChatResponse | APIError]:
    """A results JSONL (a path, its bytes, or its lines) as the ordered list Batch.results()
    gives. Keys of the providers' variables are scrubbed from the errors in it."""
    secrets = _environment_keys()
    with _scrubbing(*secrets):
        if isinstance(path_or_lines, (str, os.PathLike)):
            try:
                with open(path_or_lines, "rb") as f:
                    found = dict(_result_lines(f, provider, {}, MAX_BATCH_JOBS))
            except OSError as exc:
                raise OpenAIError("cannot read batch results %s: %s"
                                  % (os.fspath(path_or_lines), exc.strerror)) from None
        else:
            lines = path_or_lines.splitlines() if isinstance(path_or_lines, (bytes, bytearray)) \
                else path_or_lines
            found = dict(_result_lines(lines, provider, {}, MAX_BATCH_JOBS))
    return [_scrub(r, *secrets) if isinstance(r, APIError) else r
            for r in _in_job_order(found, 0, "completed")]


def _environment_keys() -> tuple[str, ...]:
    """The keys the providers' variables hold: what a file we are told to read may echo."""
    return tuple(os.environ[p.key_env] for p in PROVIDERS.values()
                 if p.key_env and os.environ.get(p.key_env))


def _read_lines(resp: requests.Response, deadline: float) -> Iterator[bytes]:
    """A results file, line by line as it downloads (it can be larger than MAX_BODY_BYTES;
    each line is capped at MAX_EVENT_BYTES)."""
    reader = _timed(_chunk_reader(resp), resp, deadline)
    return _iter_lines(_iter_bytes(reader, reader(), "the results download"))


def _result_lines(lines: typing.Iterable[str | bytes], provider: str,
                  parsing: dict[int, _Parsing], jobs: int
                  ) -> Iterator[tuple[int, ChatResponse | APIError]]:
    """(job index, its result) from the lines of an output or error file. Only our own ids
    count ("job-<index>", index < jobs): lines for other ids are skipped, and counted in one
    log line at the end (a hostile file must not flood the log)."""
    skipped = 0
    for number, line in enumerate(lines, 1):
        if not isinstance(line, (str, bytes, bytearray)):
            raise TypeError("batch results must be lines of text or bytes, not %s"
                            % type(line).__name__)
        if not line.strip():
            continue
        try:
            entry = json.loads(line, object_hook=_interned)
            custom_id = entry["custom_id"]
        except (ValueError, KeyError, TypeError, RecursionError):
            raise OpenAIError("line %d of the batch results is not a result: %s"
                              % (number, _readable(str(line)))) from None
        index = _job_index(custom_id, jobs)
        if index is None:
            skipped += 1
            continue
        yield index, _result(entry, provider, parsing.get(index))
    if skipped:
        log.warning("%d lines of the batch results are not for one of its %d jobs: skipped",
                    skipped, jobs)


def _job_index(custom_id: Any, jobs: int) -> int | None:
    """The index in "job-<index>", when it is one of ours: digits only, below jobs."""
    if not isinstance(custom_id, str) or not custom_id.startswith("job-"):
        return None
    digits = custom_id[4:]
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9 or (
            len(digits) > 1 and digits[0] == "0"):
        return None
    index = int(digits)
    return index if index < jobs else None


def _interned(obj: dict) -> dict:
    """A JSON object whose keys and short strings are shared with every other result's:
    100,000 results repeat "prompt_tokens", "assistant" and "stop" 100,000 times, and
    interning takes a third off the memory they hold."""
    return {sys.intern(k): sys.intern(v) if v.__class__ is str and len(v) < 40 else v
            for k, v in obj.items()}


def _result(entry: dict, provider: str, parsing: _Parsing | None) -> ChatResponse | APIError:
    """One result line: {"custom_id", "response": {"status_code", "body"}, "error"}."""
    response, error = _dict(entry.get("response")), entry.get("error")
    status = _int(response.get("status_code"))
    body = response.get("body")
    if status == 200 and not error:
        try:
            result = _parse_chat(body, provider)
            return _parse_structured(result, parsing) if parsing else result
        except OpenAIError as exc:
            return exc if isinstance(exc, APIError) else APIError(str(exc), provider=provider)
    return _api_error(body if body is not None else {"error": error}, provider,
                      status=status, default="the request failed in the batch",
                      request_id=_str(response.get("request_id")))


def _in_job_order(found: dict[int, ChatResponse | APIError], jobs: int,
                  status: str) -> list[ChatResponse | APIError]:
    """One entry per job: jobs of them, or (jobs unknown) up to the highest index found."""
    size = jobs or (max(found) + 1 if found else 0)
    never = "never ran it" if status in _TERMINAL else "has not run it yet"
    return [found[i] if i in found else APIError(
        "job %d has no result: the batch is %s and %s" % (i, _readable(status), never))
        for i in range(size)]


__all__ += ["submit_batch", "get_batch", "write_batch_file", "read_batch_results", "Batch"]


# =================================================================================================
# Part IV: the guards' mechanics
# =================================================================================================


# -------------------------------------------------------------------------------------------------
# IV.1 URL and key gate

_URL_SCHEMES = ("https", "http", "mock")


@functools.lru_cache(maxsize=64)   # measured 2026-12-01: parsing costs 7 us of every call
def _url_host(url: str, where: str) -> str:
    # Backslashes and whitespace are read differently by urlsplit and urllib3
    # ("https://evil\\@api.openai.com" is host api.openai.com to one, evil to the other);
    # control characters belong in no URL.
    if not url.isprintable() or " " in url or "\\" in url:
        raise ValueError("%s must not contain spaces, control characters or backslashes: %r"
                         % (where, url[:100]))
    parts = urlsplit(url)
    if parts.scheme not in _URL_SCHEMES:
        raise ValueError("%s must start with https:// or http://, not %r"
                         % (where, url.partition("://")[0] + "://"))
    if "@" in parts.netloc:    # requests would turn it into Basic auth, replacing the key
        raise ValueError("%s must not hold a user name or password (%s@...): pass the key "
                         "as api_key=" % (where, parts.scheme + "://"))
    if "?" in url or "#" in url:
        raise ValueError("%s must not have a ?query or #fragment (the API path goes after "
                         "it): use extra_query= for query parameters" % where)
    try:
        if parts.port == 0:  # reading .port raises on a port that is not a number
            raise ValueError
    except ValueError:
        raise ValueError("%s has an invalid port: %r" % (where, parts.netloc)) from None
    if not parts.hostname:
        raise ValueError("%s has no host: %r" % (where, url[:100]))
    return parts.hostname


def _own_hosts(p: Provider) -> tuple:
    """The hosts a provider's environment key may go to: its documented ones, and the
    endpoint its own variable names (a key and an endpoint both from the user's setup)."""
    hosts = _hosts_of(p)
    endpoint = p.base_env and os.environ.get(p.base_env)
    if endpoint:
        hosts += (_url_host(endpoint if "://" in endpoint else "http://" + endpoint,
                            p.base_env or "base_url"),)
    return hosts


def _check_transport_security(url: str, host: str, key: str | None) -> None:
    if key and url.startswith("http://") and not _is_loopback(host):
        raise OpenAICompatError("refusing to send an API key over plain http to %s: use https"
                                % host)


@functools.lru_cache(maxsize=64)   # measured 2026-12-01: 10 us of every call (ipaddress)
def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_proxy(session, req: Request) -> None:
    """A key sent over plain http (to loopback, the only place we allow it) must not
    cross the network in clear through a proxy. https is tunnelled, so it may."""
    if not (req.secret and req.url.startswith("http://")):
        return
    proxies = getattr(session, "proxies", None) or {}
    if not (proxies or _PROXY_CONFIGURED()):
        return
    if getattr(session, "trust_env", True):     # as requests merges them for each request
        proxies = dict(requests.utils.get_environ_proxies(req.url), **proxies)
    proxy = requests.utils.select_proxy(req.url, proxies)
    if proxy and not _is_loopback(urlsplit(proxy if "://" in proxy else "http://" + proxy)
                                  .hostname or ""):
        raise OpenAICompatError("refusing to send an API key over plain http through the "
                                "proxy at %s: use https, or set NO_PROXY for this host"
                                % urlsplit(proxy).hostname)


def _proxy_variables_set() -> bool:
    # Four lookups instead of requests' scan of the whole environment; on Linux, environment
    # variables are the only place proxies come from. Measured 2026-12-01: asking requests
    # instead costs ~300 us a call, 17% more CPU per call (1.14x -> 1.46x raw requests).
    return any(os.environ.get(name) for name in ("http_proxy", "HTTP_PROXY", "all_proxy",
                                                 "ALL_PROXY"))


# macOS and Windows also read proxies from the system's settings: always ask requests there.
_PROXY_CONFIGURED = (lambda: True) if sys.platform in ("darwin", "win32") else \
    _proxy_variables_set


def _check_key(key, where: str = "api_key") -> None:
    if not isinstance(key, str) or not key:
        raise TypeError("%s must be a non-empty string" % where)
    if not _printable_ascii(key) or key != key.strip():
        # Never echo it: the message would put the key in logs.
        raise ValueError("%s holds a character a key cannot have (a space, a line break, "
                         "non-ASCII): check how it was copied" % where)


def _check_headers(headers) -> None:
    if headers is None:
        return
    if not isinstance(headers, dict):
        raise TypeError("headers must be a dict of strings, not %r" % type(headers).__name__)
    for name, value in headers.items():
        if not isinstance(name, str) or not name or not _TOKEN.issuperset(name):
            raise ValueError("headers: %r is not a valid header name" % (name,))
        if not isinstance(value, str):
            raise TypeError("headers[%r] must be a string, not %r"
                            % (name, type(value).__name__))
        if not _printable_ascii(value):
            raise ValueError("headers[%r] holds a line break or a non-ASCII character" % name)


# Header values: printable ASCII only. http.client sends headers as Latin-1 and would raise
# on anything else, and CR or LF would let a value start a header (or a request) of its own.
# Header names: RFC 9110's token characters.
_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _printable_ascii(text: str) -> bool:
    return text.isascii() and text.isprintable()


# What a server's text must not bring to a terminal: control characters but newline and
# tab (escape sequences retitle windows, move the cursor, hide text), bidirectional
# overrides (text that reads otherwise than it is), and surrogate halves (unprintable).
_UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def _printable(text: str) -> str:
    """Server text made safe to print: surrogate pairs joined, anything _UNSAFE replaced."""
    return re.sub(_UNSAFE, "\ufffd", _paired(text))


# -------------------------------------------------------------------------------------------------
# IV.2 Redaction: the key never appears in an error, its body or headers,
# whatever the server echoes and wherever. Every error leaving a call passes through _scrub().


_E = typing.TypeVar("_E", bound=BaseException)


def _scrub(exc: _E, *secrets: str | None) -> _E:
    """Remove the key (or keys) from an error we are about to raise: its text, fields, body
    and headers, and from the errors chained to it (a traceback prints those too)."""
    forms = tuple(sorted({f for secret in secrets for f in _secret_forms(secret)}, key=len,
                         reverse=True))
    if not forms:
        return exc
    exc.args = tuple(_redact(a, forms) for a in exc.args)
    for name, value in vars(exc).items():     # message, body, code, request_id...
        if isinstance(value, (str, dict, list)) and name != "headers":
            setattr(exc, name, _redact(value, forms))
    headers = getattr(exc, "headers", None)
    if headers and any(_redact(str(v), forms) != str(v) for v in headers.values()):
        vars(exc)["headers"] = CaseInsensitiveDict(
            {k: _redact(str(v), forms) for k, v in headers.items()})
    cause = exc.__cause__ or exc.__context__
    if cause is not None and _redact(str(cause), forms) != str(cause):
        exc.__cause__, exc.__suppress_context__ = None, True
    return exc


# Keys shorter than this are not scrubbed: replacing every "x" of a message because a test
# used api_key="x" would corrupt the text and protect nothing.
_MIN_SECRET = 8


def _secret_forms(secret: str | None) -> tuple:
    """The key as a server may echo it: plain, JSON-escaped, and with "/" escaped as "\\/"."""
    if not secret or len(secret) < _MIN_SECRET:
        return ()
    escaped = json.dumps(secret)[1:-1]
    forms = {secret, escaped, secret.replace("/", "\\/"), escaped.replace("/", "\\/")}
    return tuple(sorted(forms, key=len, reverse=True))


def _redact(value: Any, forms: tuple) -> Any:
    """value with every form of the key replaced by ***: strings, and JSON-like data."""
    if not forms or value is None or isinstance(value, (int, float, bool)):
        return value
    if isinstance(value, str):
        for form in forms:
            value = value.replace(form, "***")
        return value
    text = _json_text(value) or ""
    if not any(form in text for form in forms):
        return value
    try:
        return json.loads(_redact(text, forms))
    except (ValueError, RecursionError):
        return _redact(text, forms)


@contextlib.contextmanager
def _scrubbing(*secrets: str | None) -> Iterator[None]:
    """Every OpenAIError raised inside leaves without the key."""
    try:
        yield
    except OpenAIError as exc:
        raise _scrub(exc, *secrets)


_SENSITIVE_HEADERS = {"authorization", "api-key", "x-api-key"}


def _shown(headers: dict) -> dict:
    """The headers as they may be printed: credentials replaced by ***."""
    return {k: ("***" if k.lower() in _SENSITIVE_HEADERS else v) for k, v in headers.items()}


class _Headers(dict):
    """A plain dict whose printed forms hide credentials."""

    def __repr__(self) -> str:
        return repr(_shown(self))

    __str__ = __repr__


# -------------------------------------------------------------------------------------------------
# IV.3 Bounded reading: every byte from the network is counted against a limit.


def _read_body(resp: requests.Response, deadline: float) -> bytes:
    """The whole body, decompressed: at most MAX_BODY_BYTES, by the deadline."""
    reader = _chunk_reader(resp)
    body = reader()
    more = reader() if body else b""
    if more:
        parts, size = [body, more], len(body) + len(more)
        while more:
            if size > MAX_BODY_BYTES:
                raise OpenAICompatError("the answer is over %d MiB (MAX_BODY_BYTES); not read "
                                        "further" % (MAX_BODY_BYTES >> 20))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise APITimeoutError("the answer took longer than the timeout to arrive")
            _limit_next_read(resp, remaining)
            more = reader()
            parts.append(more)
            size += len(more)
        body = b"".join(parts)
    resp._content, resp._content_consumed = body, True   # so resp.text and .json() work
    return body


def _timed(read, resp: requests.Response, deadline: float):
    """read, with each read waiting at most what is left until the deadline: a body that
    drips in byte by byte still ends on time (the read timeout is per read)."""
    def timed() -> bytes:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise APITimeoutError("the answer took longer than the timeout to arrive")
        _limit_next_read(resp, remaining)
        return read()
    return timed


def _inflation_guard(read, raw):
    """A compressed body may expand a thousandfold (a 300 KB gzip bomb is 300 MB of
    text); stop once it has grown past INFLATION_FLOOR at more than MAX_INFLATION times
    the bytes that came over the wire. JSON and SSE compress ten to thirty times."""
    total = [0]

    def guarded():
        data = read()
        total[0] += len(data)
        if total[0] > INFLATION_FLOOR and total[0] > MAX_INFLATION * max(raw.tell(), 1):
            raise OpenAICompatError("the answer decompresses to over %d times its size on the "
                                    "wire (a compression bomb?); not read further"
                                    % MAX_INFLATION)
        return data
    return guarded


def _check_line(size: int) -> None:
    if size > MAX_EVENT_BYTES:
        raise OpenAICompatError("a stream line is over %d MiB (MAX_EVENT_BYTES); not read "
                                "further" % (MAX_EVENT_BYTES >> 20))


def _strip_tags(text: str) -> str:
    """Text outside <tags>, and outside <script> and <style> elements. One pass with
    str.find, never a regex: a page of "<<<<..." must cost linear time, not quadratic."""
    if "<" not in text:
        return text
    out, i, lower = [], 0, text.lower()
    while True:
        lt = text.find("<", i)
        gt = text.find(">", lt) if lt >= 0 else -1
        if gt < 0:                         # no more tags
            out.append(text[i:])
            return " ".join(out)
        out.append(text[i:lt])
        name = lower[lt + 1:gt].split(None, 1)[0] if gt > lt + 1 else ""
        if name in ("script", "style"):    # skip the element's content too
            end = lower.find("</" + name, gt)
            gt = text.find(">", end) if end >= 0 else len(text) - 1
            gt = gt if gt >= 0 else len(text) - 1
        i = gt + 1


# -------------------------------------------------------------------------------------------------
# IV.4 urllib3 and requests details


def _chunk_reader(resp: requests.Response):
    """A function returning the next bytes of the body as soon as any arrive (b"" at end).

    Chunked bodies (most streams) are read chunk by chunk with urllib3's read_chunked(),
    which is what requests' iter_content(None) does, and the cheapest path per chunk.
    For Content-Length or close-delimited bodies iter_content(None) would wait for the
    whole body; urllib3 2's read1() returns whatever has arrived instead."""
    raw = resp.raw
    if isinstance(raw, urllib3.response.HTTPResponse):
        if raw.chunked and raw.supports_chunked_reads():
            chunks = raw.read_chunked(None, decode_content=True)
            read = lambda: next(chunks, b"")   # noqa: E731
        elif hasattr(raw, "read1"):
            read = lambda: raw.read1(READ_SIZE, decode_content=True)   # noqa: E731
        else:
            chunks = resp.iter_content(chunk_size=READ_SIZE)   # urllib3 1.x
            read = lambda: next(chunks, b"")   # noqa: E731
        if resp.headers.get("content-encoding", "identity") != "identity":
            return _inflation_guard(read, raw)
        return read
    chunks = resp.iter_content(chunk_size=None)   # a hand-made response
    return lambda: next(chunks, b"")


# The wait for a response's head (status line and headers) is timed per read by http.client,
# so a server dripping a header byte at a time, or sending "100 Continue" forever, would
# hold a call without end. Our sessions' connections register that wait with one watchdog
# thread, which shuts the socket when the call's deadline (_send sets _head.until) passes.
# Sessions you pass in keep requests' own adapter: their head phase is timed per read.

_head = threading.local()        # the deadline of the request this thread is sending


class _Watchdog:
    """Shuts the sockets whose response head has not arrived by their deadline. One thread,
    started on first use; it sleeps until the earliest deadline of the waits in progress."""

    def __init__(self) -> None:
        self.waits: dict[object, tuple[float, socket.socket]] = {}
        self.cond, self.wake, self.started = threading.Condition(), math.inf, False

    def watch(self, until: float, sock: socket.socket) -> object:
        key = object()
        with self.cond:
            self.waits[key] = (until, sock)
            if until < self.wake:       # earlier than it planned to wake: tell it
                if not self.started:
                    self.started = True
                    threading.Thread(target=self._run, name="openai_compat watchdog",
                                     daemon=True).start()
                self.cond.notify()
        return key

    def release(self, key: object) -> bool:
        """Stop watching; False when the deadline had passed and the socket was shut."""
        with self.cond:
            return self.waits.pop(key, None) is not None

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for key, (until, sock) in list(self.waits.items()):
                    if until <= now:
                        del self.waits[key]
                        with contextlib.suppress(OSError):
                            sock.shutdown(socket.SHUT_RDWR)
                self.wake = min((until for until, _ in self.waits.values()), default=math.inf)
                self.cond.wait(None if self.wake == math.inf else self.wake - now)


_watchdog = _Watchdog()


def _watched(connection_class: type) -> type:
    """A urllib3 connection class whose wait for the response head is watched."""
    class Watched(connection_class):
        def getresponse(self, *args: Any, **kwargs: Any) -> Any:
            until, sock = getattr(_head, "until", math.inf), getattr(self, "sock", None)
            if until == math.inf or sock is None:
                return super().getresponse(*args, **kwargs)
            key = _watchdog.watch(until, sock)
            try:
                response = super().getresponse(*args, **kwargs)
            finally:
                in_time = _watchdog.release(key)
            if not in_time:     # what was read before the shutdown is not the whole head
                raise TimeoutError("no response head within the timeout")
            return response
    return Watched


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _watched(urllib3.connection.HTTPConnection)


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _watched(urllib3.connection.HTTPSConnection)


class _HeadDeadlineAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter, with pools of watched connections (urllib3 1.26 and 2.x)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def _limit_next_read(resp, seconds: float) -> None:
    # The read timeout applies to each read; so a server sending a byte at a time would
    # never time out. Shorten the socket's wait to what is left of the whole answer's time.
    sock = getattr(getattr(resp.raw, "_connection", None), "sock", None)
    if sock is not None and seconds < math.inf:
        sock.settimeout(max(seconds, 0.001))


def _os_reason(exc: BaseException) -> str:
    """The operating system's words for why a connection failed ("Connection refused")."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.strerror:
            return exc.strerror
        exc = exc.__cause__ or exc.__context__     # type: ignore[assignment]
    return "no connection"


def _connection_error(exc: Exception, what: str, late: bool = False,
                      hint: str | None = None) -> APIConnectionError:
    """requests reports a read timeout while reading a body as a ConnectionError, and
    urllib3 raises its own types while streaming: look through the chain for a timeout.
    late: the call's time was up (the watchdog shut its socket): a timeout too."""
    if late:
        return APITimeoutError("%s: no whole answer within the timeout" % what)
    seen, e = set(), exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, urllib3.exceptions.NewConnectionError):
            # A refused connection (urllib3 files it under ConnectTimeoutError).
            return APIConnectionError("%s: cannot connect (%s): is the server running? %s"
                                      % (what, _os_reason(e), hint or ""))
        if isinstance(e, (requests.Timeout, urllib3.exceptions.TimeoutError, TimeoutError)):
            return APITimeoutError("%s: timed out (%s)" % (what, type(e).__name__))
        e = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e.__context__
    return APIConnectionError("%s: %s" % (what, exc))


# =================================================================================================
# Part V: the mock, the command line, the generated model table
# =================================================================================================


# -------------------------------------------------------------------------------------------------
# V.1 The offline mock: a requests transport adapter for mock:// URLs. It answers like
# a real server (same JSON, same SSE), so chat(..., model="mock:echo") exercises every layer
# above the socket.


class _MockAdapter(requests.adapters.HTTPAdapter):
    """Echoes the last user message. Models: any name; GET /models lists "echo". Files and
    batches too: a batch finishes after two polls, its answers made as chat's are."""

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        path = urlsplit(str(request.url)).path
        raw_body: Any = request.body or b""
        raw_body = raw_body.encode() if isinstance(raw_body, str) else bytes(raw_body)
        for method, pattern, handler in _MOCK_ROUTES:
            match = re.search(pattern, path)
            if match and request.method == method:
                status, payload, ctype = handler(raw_body, *match.groups())
                break
        else:
            status, ctype = 404, "application/json"
            payload = {"error": {"message": "no such mock endpoint: " + path,
                                 "type": "invalid_request_error"}}
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        resp = urllib3.HTTPResponse(body=io.BytesIO(raw), status=status, preload_content=False,
                                    headers={"Content-Type": ctype,
                                             "x-request-id": "req_mock"},
                                    reason=http.client.responses.get(status, ""))
        return self.build_response(request, resp)


_JSON = "application/json"

_mock_files: dict[str, bytes] = {}       # the mock's uploaded and produced files, by id

_mock_batches: dict[str, dict] = {}      # its batches, by id

_mock_lock = threading.Lock()


def _mock_upload(body: bytes) -> tuple[int, Any, str]:
    """POST /files (multipart): keep the file part's bytes."""
    boundary = body.split(b"\r\n", 1)[0]
    parts = [p for p in body.split(boundary) if b'name="file"' in p]
    if not parts:
        return 400, {"error": {"message": "no file part", "type": "invalid_request_error"}}, _JSON
    content = parts[0].split(b"\r\n\r\n", 1)[1].rsplit(b"\r\n", 1)[0]
    with _mock_lock:
        file_id = "file-mock-%d" % len(_mock_files)
        _mock_files[file_id] = content
    return 200, {"id": file_id, "object": "file", "bytes": len(content), "purpose": "batch",
                 "filename": "batch.jsonl", "created_at": int(time.time())}, _JSON


def _mock_create_batch(body: bytes) -> tuple[int, Any, str]:
    request = json.loads(body)
    lines = _mock_files.get(request.get("input_file_id"), b"").splitlines()
    with _mock_lock:
        batch = {"id": "batch_mock_%d" % len(_mock_batches), "object": "batch",
                 "endpoint": request.get("endpoint"), "status": "validating",
                 "input_file_id": request.get("input_file_id"), "output_file_id": None,
                 "error_file_id": None, "created_at": int(time.time()),
                 "completion_window": request.get("completion_window"),
                 "metadata": request.get("metadata"),
                 "request_counts": {"total": len(lines), "completed": 0, "failed": 0}}
        _mock_batches[batch["id"]] = batch
    return 200, batch, _JSON


def _mock_get_batch(body: bytes, batch_id: str) -> tuple[int, Any, str]:
    """Each poll moves a batch on: validating -> in_progress -> completed."""
    with _mock_lock:
        batch = _mock_batches.get(batch_id)
        if batch is None:
            return 404, {"error": {"message": "no batch " + batch_id}}, _JSON
        if batch["status"] == "validating":
            batch["status"] = "in_progress"
        elif batch["status"] == "in_progress":
            _mock_finish(batch)
        return 200, batch, _JSON


def _mock_finish(batch: dict) -> None:
    out = []
    for line in _mock_files[batch["input_file_id"]].splitlines():
        job = json.loads(line)
        status, answer, _ = _mock_chat(job["body"])
        out.append(json.dumps({"id": "batch_req_" + job["custom_id"],
                               "custom_id": job["custom_id"], "error": None,
                               "response": {"status_code": status, "request_id": "req_mock",
                                            "body": answer}}))
    file_id = "file-mock-%d" % len(_mock_files)
    _mock_files[file_id] = "\n".join(out).encode() + b"\n"
    batch.update(status="completed", output_file_id=file_id, request_counts=dict(
        batch["request_counts"], completed=len(out)))


def _mock_cancel_batch(body: bytes, batch_id: str) -> tuple[int, Any, str]:
    with _mock_lock:
        batch = _mock_batches.get(batch_id)
        if batch is None:
            return 404, {"error": {"message": "no batch " + batch_id}}, _JSON
        if batch["status"] not in _TERMINAL:
            batch["status"] = "cancelled"
        return 200, batch, _JSON


def _mock_file_content(body: bytes, file_id: str) -> tuple[int, Any, str]:
    if file_id not in _mock_files:
        return 404, {"error": {"message": "no file " + file_id}}, _JSON
    return 200, _mock_files[file_id], "application/jsonl"


# (method, path pattern, handler(body bytes, *groups) -> (status, payload, content type))
_MOCK_ROUTES: list[tuple[str, str, typing.Callable[..., tuple[int, Any, str]]]] = [
    ("POST", r"/chat/completions$", lambda body: _mock_chat(json.loads(body or b"{}"))),
    ("POST", r"/embeddings$", lambda body: (200, _mock_embeddings(json.loads(body)), _JSON)),
    ("GET", r"/models$", lambda body: (200, {"object": "list", "data": [
        {"id": "echo", "object": "model", "created": 0, "owned_by": "openai_compat"}]}, _JSON)),
    ("POST", r"/files$", _mock_upload),
    ("GET", r"/files/([^/]+)/content$", _mock_file_content),
    ("POST", r"/batches$", _mock_create_batch),
    ("GET", r"/batches/([^/]+)$", _mock_get_batch),
    ("POST", r"/batches/([^/]+)/cancel$", _mock_cancel_batch),
]


def _mock_text(messages) -> str:
    for m in reversed(messages):
        if m.get("role") == "user":
            content = m.get("content")
            if isinstance(content, list):   # content parts: keep the text ones
                return _content_text(content, " ") or ""
            return str(content)
    return ""


def _mock_chat(body: dict) -> tuple[int, Any, str]:
    text = _mock_text(body.get("messages") or [])
    response_format = _dict(body.get("response_format"))
    if response_format.get("type") == "json_object":
        text = json.dumps({"echo": text})     # JSON mode answers JSON
    elif response_format.get("type") == "json_schema":   # an answer that fits the schema
        text = json.dumps(_example(_dict(response_format.get("json_schema")).get("schema"),
                                   text))
    prompt = estimate_tokens(body.get("messages") or [])
    words = re.findall(r"\S+\s*", text) or [""]
    usage = {"prompt_tokens": prompt, "completion_tokens": len(words),
             "total_tokens": prompt + len(words)}
    base = {"id": "chatcmpl-mock", "created": int(time.time()), "model": body.get("model"),
            "system_fingerprint": "fp_mock"}
    if not body.get("stream"):
        return 200, dict(base, object="chat.completion", usage=usage, choices=[{
            "index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
            "logprobs": None, "finish_reason": "stop"}]), "application/json"
    chunk = dict(base, object="chat.completion.chunk")
    events: list[dict[str, Any]] = [dict(chunk, choices=[{"index": 0, "delta": {
                                                 "role": "assistant", "content": ""},
                                    "finish_reason": None}])]
    events += [dict(chunk, choices=[{"index": 0, "delta": {"content": w},
                                     "finish_reason": None}]) for w in words if w]
    events.append(dict(chunk, choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]))
    if (body.get("stream_options") or {}).get("include_usage"):
        events.append(dict(chunk, choices=[], usage=usage))
    sse = "".join("data: %s\n\n" % json.dumps(e) for e in events) + "data: [DONE]\n\n"
    return 200, sse.encode(), "text/event-stream"


def _example(schema: Any, text: str) -> Any:
    """A value that fits a JSON schema: the echoed text for strings, zeros and first choices."""
    schema = _dict(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return _example(schema["anyOf"][0], text)
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        return {k: _example(v, text) for k, v in _dict(schema.get("properties")).items()}
    if kind == "array":
        return [_example(schema.get("items"), text)]
    return {"string": text, "integer": 0, "number": 0.0, "boolean": False}.get(kind)


def _mock_embeddings(body: dict) -> dict:
    inputs = body.get("input")
    inputs = [inputs] if isinstance(inputs, str) else inputs or []
    size = body.get("dimensions") or 8
    # Deterministic vectors: the same text always gives the same numbers.
    data = [{"object": "embedding", "index": i,
             "embedding": [((hash_ * (k + 1)) % 1000) / 1000 for k in range(size)]}
            for i, hash_ in enumerate(sum(s.encode()) + len(s) for s in inputs)]
    tokens = sum(estimate_tokens(s) for s in inputs)
    return {"object": "list", "data": data, "model": body.get("model"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}


_ADAPTERS["mock://"] = _MockAdapter
# The table's last row: offline, answered by _MockAdapter inside requests, through the same
# code as the rest.
PROVIDERS["mock"] = Provider("mock", "mock://openai-compat/v1", None,
                             batch="/v1/chat/completions", batch_price=0.5,
                             model_rows=("openai",))      # it answers as OpenAI would


# -------------------------------------------------------------------------------------------------
# V.2 The command line: python -m openai_compat [-m MODEL] [options] [PROMPT]


def main() -> None:   # the console script
    sys.exit(_main())


def _main(argv=None, out=None) -> int:
    """Run the command line; returns the exit code (1: an expected failure, in one line on
    stderr, or a --batch job that failed)."""
    parser = _parser()
    args = parser.parse_args(argv)
    _check_cli_arguments(parser, args)
    logging.getLogger("openai_compat").setLevel(logging.ERROR)   # retries: not news here
    try:
        with warnings.catch_warnings(record=True) as notes:
            code = _run_cli(args, out or sys.stdout) or 0
        for note in notes:
            print("openai-compat: note: %s" % note.message, file=sys.stderr)
        return code
    except BrokenPipeError:               # `openai-compat ... | head`: the reader left;
        with contextlib.suppress(OSError, ValueError):    # no flush error at exit either
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OpenAICompatError, ValueError, TypeError, OSError) as exc:
        exc = _scrub(exc, *_environment_keys())
        print("openai-compat: %s" % _printable(getattr(exc, "summary", None) or str(exc)),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _check_cli_arguments(parser, args) -> None:
    """Options that would be silently ignored together are a usage error (exit 2)."""
    if args.batch_api and not args.batch:
        parser.error("--batch-api needs --batch FILE (the jobs to submit)")
    if args.output and (not args.batch or args.batch_api):
        parser.error("--output goes with --batch FILE (without --batch-api)")
    if args.prompt is not None and (args.batch or args.batch_id or args.list_models
                                    or args.providers):
        parser.error("a prompt is not used with --batch, --batch-id, --list-models or "
                     "--providers: leave it out")
    if args.api_key_env and not os.environ.get(args.api_key_env):
        parser.error("--api-key-env %s: that variable is not set" % args.api_key_env)


def _parser():
    import argparse
    ap = argparse.ArgumentParser(prog="openai-compat",
                                 description="Chat with any OpenAI-compatible API.")
    ap.add_argument("prompt", nargs="?", help="the prompt (read from stdin when omitted)")
    ap.add_argument("-m", "--model", default=os.environ.get("OPENAI_COMPAT_MODEL", "mock:echo"),
                    help="provider:model, e.g. groq:llama-3.3-70b-versatile (default "
                         "$OPENAI_COMPAT_MODEL or mock:echo)")
    ap.add_argument("--provider", help="provider name, when the model has no prefix")
    ap.add_argument("--base-url", help="API root of a generic OpenAI-compatible server")
    ap.add_argument("--api-key-env", metavar="VAR",
                    help="send the key this environment variable holds (a key given on the "
                         "command line would show in the process list); needed to send "
                         "one to --base-url")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds to wait for an answer (default: 10 to connect, 600 to read)")
    ap.add_argument("--max-retries", type=int, default=DEFAULT_MAX_RETRIES,
                    help="retries after a rate limit, a server error or a network error "
                         "(default %d)" % DEFAULT_MAX_RETRIES)
    ap.add_argument("--system", help="a system message")
    ap.add_argument("-t", "--temperature", type=float)
    ap.add_argument("--max-tokens", type=int)
    ap.add_argument("--stream", action="store_true", help="print text as it arrives")
    ap.add_argument("--json", action="store_true", help="print the raw response JSON")
    ap.add_argument("--dry-run", action="store_true",
                    help="print the request that would be sent (key hidden), send nothing")
    ap.add_argument("--list-models", metavar="PROVIDER", help="list a provider's models")
    ap.add_argument("--providers", action="store_true", help="list the known providers")
    ap.add_argument("--batch", metavar="FILE",
                    help="one prompt per line, or JSONL of jobs; one JSON result per line")
    ap.add_argument("--batch-api", action="store_true",
                    help="with --batch: hand the jobs to the provider's Batch API (half price; "
                         "results within its completion window) and wait for them")
    ap.add_argument("--output", metavar="FILE.jsonl",
                    help="with --batch: write each result to this file as it finishes; run "
                         "again with the same jobs and file to resume")
    ap.add_argument("--batch-id", metavar="ID",
                    help="wait for a submitted batch and print its results")
    ap.add_argument("--schema", metavar="FILE.json",
                    help="ask for JSON matching this JSON schema; print it, validated")
    ap.add_argument("--version", action="version", version="openai_compat " + __version__)
    return ap


def _run_cli(args, out) -> int | None:
    if args.providers:
        return _print_providers(out)
    sending: dict[str, Any] = dict(
        api_key=os.environ[args.api_key_env] if args.api_key_env else None,
        timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout,
        max_retries=args.max_retries)
    if args.list_models:
        if args.dry_run:
            return print("GET /models of %s: --dry-run sends nothing" % args.list_models,
                         file=out)
        return print("\n".join(map(_printable, list_models(
            args.list_models, base_url=args.base_url, **sending))), file=out)
    common: dict[str, Any] = dict(
        model=args.model, provider=args.provider, base_url=args.base_url,
        temperature=args.temperature, max_tokens=args.max_tokens,
        response_format=_schema_format(args.schema) if args.schema else None, **sending)
    if args.batch_id and args.dry_run:
        raise ValueError("--dry-run sends nothing, and --batch-id only asks the provider: "
                         "leave one out")
    if args.batch_id:
        return _wait_and_print(get_batch(
            args.batch_id, provider=_model_provider(args), base_url=args.base_url,
            api_key=common["api_key"], timeout=common["timeout"],
            max_retries=args.max_retries), out, args)
    if args.batch:
        return _run_batch(args, common, out)
    prompt = args.prompt if args.prompt is not None else _stdin_prompt()
    messages = ([{"role": "system", "content": args.system}] if args.system else []) + \
        [{"role": "user", "content": prompt}]
    if args.dry_run:
        return print(_dry_run(messages, args.stream, common), file=out)
    if args.stream:
        stream = chat(messages, stream=True, **common)
        _print_stream(stream, out)
        if args.json:
            print(json.dumps(stream.response.raw, indent=2), file=out)
        return
    resp = chat(messages, **common)
    if args.schema and not args.json:
        return print(_printable(json.dumps(resp.choices[0].message.parsed, indent=2,
                                           ensure_ascii=False)), file=out)
    print(json.dumps(resp.raw, indent=2) if args.json else _printable(resp.content or ""),
          file=out)


def _run_batch(args, common: dict[str, Any], out) -> int:
    """--batch FILE: the requests (--dry-run), the Batch API (--batch-api), or chat_many.
    Exit code 1 when any job failed."""
    jobs = _read_batch_lines(args.batch)
    if args.dry_run:
        for job in jobs:
            args_of_job = _job_args(job, common)
            print(_dry_run(args_of_job.pop("messages"), False, args_of_job), end="\n\n",
                  file=out)
        return 0
    if args.batch_api:
        batch = submit_batch(jobs, **common)
        print("submitted batch %s" % _shown_text(batch.id, batch), file=sys.stderr,
              flush=True)
        return _wait_and_print(batch, out, args)
    results = chat_many(jobs, output=args.output, progress=args.output is not None
                        and sys.stderr.isatty(), **common)
    code = _print_results(results, out)
    if args.output:
        print("openai-compat: results in %s (run again to resend the failed ones)"
              % args.output, file=sys.stderr)
    return code


def _print_results(results: list, out) -> int:
    """One JSON line per job, then a summary on stderr; 1 when any failed."""
    failed = [i for i, r in enumerate(results) if isinstance(r, Exception)]
    for result in results:
        print(_batch_line(result), file=out, flush=True)
    if failed:
        print("openai-compat: %d of %d jobs failed (lines %s of the output)" % (
            len(failed), len(results), ", ".join(str(i + 1) for i in failed[:10])
            + (", ..." if len(failed) > 10 else "")), file=sys.stderr)
    return 1 if failed else 0


def _stdin_prompt() -> str:
    """The prompt from stdin, without the newline the terminal or echo adds."""
    if sys.stdin.isatty():
        print("openai-compat: type the prompt, then Ctrl-D (or give it as an argument)",
              file=sys.stderr)
    text = sys.stdin.read()
    return text[:-1] if text.endswith("\n") else text


def _dry_run(messages: Any, stream: bool, common: dict[str, Any]) -> Request:
    """build_request(), also without a key: a dry run is how you check a call before you
    have one (the printed request hides the key either way)."""
    try:
        return build_request(messages, stream=stream, **common)
    except OpenAIError as exc:
        if not str(exc).startswith("no API key"):
            raise
        print("openai-compat: %s; shown without it" % exc, file=sys.stderr)
        return build_request(messages, stream=stream, **dict(common, api_key="NO-KEY-SET"))


def _print_providers(out) -> None:
    for p in PROVIDERS.values():
        print("%-11s %-36s %s" % (p.name, p.base_url or "(" + str(p.base_env) + ")",
                                  p.key_env or "-"), file=out)


def _model_provider(args) -> str | None:
    return args.provider or _split_prefix(args.model)[0]


def _schema_format(path: str) -> dict:
    """--schema FILE.json: a JSON schema (or a whole json_schema response_format)."""
    with open(path, encoding="utf-8") as f:
        try:
            schema = json.load(f)
        except ValueError as exc:
            raise ValueError("%s is not JSON: %s" % (path, exc)) from None
        except RecursionError:
            raise ValueError("%s is nested too deeply to read" % path) from None
    if not isinstance(schema, dict):
        raise ValueError("%s must hold a JSON schema object" % path)
    if schema.get("type") == "json_schema":
        return schema
    name = re.sub(r"[^A-Za-z0-9_-]", "_", os.path.splitext(os.path.basename(path))[0])
    return {"type": "json_schema", "json_schema": {"name": name[:64] or "answer",
                                                   "schema": schema}}


def _read_batch_lines(path: str) -> list:
    try:
        return _read_jobs(path)
    except UnicodeDecodeError as exc:
        raise ValueError("%s is not UTF-8 text (byte %d): save it as UTF-8" % (path, exc.start)
                         ) from None


def _read_jobs(path: str) -> list:
    jobs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            if not line.lstrip().startswith("{"):
                jobs.append(line.rstrip("\r\n"))
                continue
            try:
                jobs.append(json.loads(line))
            except (ValueError, RecursionError) as exc:
                raise ValueError("%s, line %d: not a JSON object (%s)" % (path, number, exc)
                                 ) from None
    return jobs


def _wait_and_print(batch: Batch, out, args) -> int:
    """Wait with a progress line; on Ctrl-C the batch runs on, and we say how to resume."""
    try:
        batch.wait(progress=True)
    except KeyboardInterrupt:
        print("\n" + _resume_hint(batch, args), file=sys.stderr)
        raise
    return _print_results(batch.results(), out)


def _shown_text(text: str, batch: Batch) -> str:
    """Server text for the terminal: without a key it echoes, and without control codes."""
    return _printable(_redact(text, tuple(f for s in (batch._target.secret,
                                                        *_environment_keys())
                                          for f in _secret_forms(s))))


def _resume_hint(batch: Batch, args) -> str:
    target = batch._target
    if target.provider.name == "mock":
        return "the mock's batches end with this process: there is nothing to resume"
    where = "--base-url %s" % target.base_url if target.base_url else \
        "--provider %s" % target.provider.name
    key = " --api-key-env %s" % args.api_key_env if args.api_key_env else ""
    return ("batch %s keeps running at the provider; resume with: openai-compat %s%s "
            "--batch-id %s" % (_shown_text(batch.id, batch), where, key,
                               _shown_text(batch.id, batch)))


def _batch_line(result) -> str:
    if isinstance(result, Exception):
        return json.dumps({"error": str(result), "type": type(result).__name__})
    return json.dumps({"content": result.content, "model": result.model,
                       "usage": result.usage.raw if result.usage else None})


def _print_stream(stream: ChatStream, out) -> None:
    held = ""       # a first surrogate half, waiting for its pair in the next chunk
    for chunk in stream:
        text = held + chunk.content
        held = text[-1:] if "\ud800" <= text[-1:] <= "\udbff" else ""
        print(_printable(text[:len(text) - len(held)]), end="", file=out, flush=True)
    print(_printable(held), file=out)


# -------------------------------------------------------------------------------------------------
# V.3 The generated model table

# --- model table: generated by scripts/refresh_model_data.py; edit that, not this ---
# Source: LiteLLM 1.110.2 model_prices_and_context_window.json,
# sha256 8943af58bf9f979c6a4bef815687117ffa341e462a41faed9be17b5c33d3dcc2;
# data date 2026-12-01 (rows past their shutdown date on it dropped).
# (name, context window, max input, max output tokens, USD per 1M input, cached
#  input, output tokens, shutdown date or None[, extras]); extras: "long":
#  (prompt tokens above which the whole request is billed at, input, cached,
#  output), "flex"/"priority": (input, cached, output), "batch": (input, output),
#  "cache_write": price, "off_peak": (input, cached, output, ((ISO weekdays),
#  (UTC hours, ...)), ...). Windows: see window_rule in the script.
_MODEL_SOURCE = {
    "source": "LiteLLM 1.110.2 model_prices_and_context_window.json",
    "version": "1.110.2",
    "sha256": "8943af58bf9f979c6a4bef815687117ffa341e462a41faed9be17b5c33d3dcc2",
    "as_of": "2026-12-01",
}
_MODEL_ROWS: dict[str, tuple[tuple, ...]] = {
    "openai": (
        ("chat-latest", 400_000, 272_000, 128_000, 5.0, 0.5, 30.0, None),
        ("daybreak-blue-latest", 1_050_000, 922_000, 128_000, 4.0, 0.4, 20.0, None, {"long": (272_000, 8.0, 0.8, 30.0), "cache_write": 5.0}),  # noqa: E501
        ("daybreak-red-latest", 400_000, 272_000, 128_000, 12.5, 1.25, 75.0, None, {"long": (272_000, 25.0, 2.5, 112.5), "cache_write": 15.625}),  # noqa: E501
        ("ft:gpt-4.1-2025-04-14", 1_047_576, 1_047_576, 32_768, 3.0, 0.75, 12.0, "2027-01-14", {"batch": (1.5, 6.0)}),  # noqa: E501
        ("ft:gpt-4.1-mini-2025-04-14", 1_047_576, 1_047_576, 32_768, 0.8, 0.2, 3.2, "2027-01-14", {"batch": (0.4, 1.6)}),  # noqa: E501
        ("ft:gpt-4o-2024-08-06", 128_000, 128_000, 16_384, 3.75, 1.875, 15.0, "2027-01-14", {"batch": (2.225, 12.5)}),  # noqa: E501
        ("ft:gpt-4o-2024-11-20", 128_000, 128_000, 16_384, 3.75, None, 15.0, "2027-01-14", {"cache_write": 1.875}),  # noqa: E501
        ("ft:gpt-4o-mini-2024-07-18", 128_000, 128_000, 16_384, 0.3, 0.15, 1.2, "2027-01-14", {"batch": (0.15, 0.6)}),  # noqa: E501
        ("gpt-4.1", 1_047_576, 1_047_576, 32_768, 2.0, 0.5, 8.0, "2027-01-14", {"priority": (3.5, 0.875, 14.0), "batch": (1.0, 4.0)}),  # noqa: E501
        ("gpt-4.1-2025-04-14", 1_047_576, 1_047_576, 32_768, 2.0, 0.5, 8.0, "2027-01-14", {"priority": (3.5, 0.875, 14.0), "batch": (1.0, 4.0)}),  # noqa: E501
        ("gpt-4.1-mini", 1_047_576, 1_047_576, 32_768, 0.4, 0.1, 1.6, "2027-01-14", {"priority": (0.7, 0.175, 2.8), "batch": (0.2, 0.8)}),  # noqa: E501
        ("gpt-4.1-mini-2025-04-14", 1_047_576, 1_047_576, 32_768, 0.4, 0.1, 1.6, "2027-01-14", {"priority": (0.7, 0.175, 2.8), "batch": (0.2, 0.8)}),  # noqa: E501
        ("gpt-4o", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, "2027-01-14", {"priority": (4.25, 2.125, 17.0), "batch": (1.25, 5.0)}),  # noqa: E501
        ("gpt-4o-2024-08-06", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, "2027-01-14", {"priority": (4.25, 2.125, 17.0), "batch": (1.25, 5.0)}),  # noqa: E501
        ("gpt-4o-2024-11-20", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, "2027-01-14", {"priority": (4.25, 2.125, 17.0), "batch": (1.25, 5.0)}),  # noqa: E501
        ("gpt-4o-audio-preview-2024-12-17", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-01-20"),  # noqa: E501
        ("gpt-4o-audio-preview-2025-06-03", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-01-20"),  # noqa: E501
        ("gpt-4o-mini", 128_000, 128_000, 16_384, 0.15, 0.075, 0.6, "2027-01-14", {"priority": (0.25, 0.125, 1.0), "batch": (0.075, 0.3)}),  # noqa: E501
        ("gpt-4o-mini-2024-07-18", 128_000, 128_000, 16_384, 0.15, 0.075, 0.6, "2027-01-14", {"priority": (0.25, 0.125, 1.0), "batch": (0.075, 0.3)}),  # noqa: E501
        ("gpt-4o-mini-audio-preview-2024-12-17", 128_000, 128_000, 16_384, 0.15, None, 0.6, "2027-01-20"),  # noqa: E501
        ("gpt-4o-mini-search-preview", 128_000, 128_000, 16_384, 0.15, 0.075, 0.6, None, {"batch": (0.075, 0.3)}),  # noqa: E501
        ("gpt-4o-search-preview", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, None, {"batch": (1.25, 5.0)}),  # noqa: E501
        ("gpt-5", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2026-12-11", {"flex": (0.625, 0.0625, 5.0), "priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5-2025-08-07", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2026-12-11", {"flex": (0.625, 0.0625, 5.0), "priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5-mini", 400_000, 272_000, 128_000, 0.25, 0.025, 2.0, "2026-12-11", {"flex": (0.125, 0.0125, 1.0), "priority": (0.45, 0.045, 3.6), "batch": (0.125, 1.0)}),  # noqa: E501
        ("gpt-5-mini-2025-08-07", 400_000, 272_000, 128_000, 0.25, 0.025, 2.0, "2026-12-11", {"flex": (0.125, 0.0125, 1.0), "priority": (0.45, 0.045, 3.6), "batch": (0.125, 1.0)}),  # noqa: E501
        ("gpt-5-nano", 400_000, 272_000, 128_000, 0.05, 0.005, 0.4, "2026-12-11", {"flex": (0.025, 0.0025, 0.2), "batch": (0.025, 0.2)}),  # noqa: E501
        ("gpt-5-nano-2025-08-07", 400_000, 272_000, 128_000, 0.05, 0.005, 0.4, "2026-12-11", {"flex": (0.025, 0.0025, 0.2), "batch": (0.025, 0.2)}),  # noqa: E501
        ("gpt-5-pro", 400_000, 400_000, 272_000, 15.0, None, 120.0, "2026-12-11", {"batch": (7.5, 60.0)}),  # noqa: E501
        ("gpt-5-pro-2025-10-06", 400_000, 400_000, 272_000, 15.0, None, 120.0, "2026-12-11", {"batch": (7.5, 60.0)}),  # noqa: E501
        ("gpt-5-search-api", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, None),
        ("gpt-5-search-api-2025-10-14", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, None),
        ("gpt-5.1", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-04-01", {"flex": (0.625, 0.0625, 5.0), "priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5.1-2025-11-13", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-04-01", {"flex": (0.625, 0.0625, 5.0), "priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5.2", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, None, {"flex": (0.875, 0.0875, 7.0), "priority": (3.5, 0.35, 28.0), "batch": (0.875, 7.0)}),  # noqa: E501
        ("gpt-5.2-2025-12-11", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, None, {"flex": (0.875, 0.0875, 7.0), "priority": (3.5, 0.35, 28.0), "batch": (0.875, 7.0)}),  # noqa: E501
        ("gpt-5.2-pro", 400_000, 272_000, 128_000, 21.0, None, 168.0, None, {"batch": (10.5, 84.0)}),  # noqa: E501
        ("gpt-5.2-pro-2025-12-11", 400_000, 272_000, 128_000, 21.0, None, 168.0, None, {"batch": (10.5, 84.0)}),  # noqa: E501
        ("gpt-5.3-codex", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, "2027-04-01", {"priority": (3.5, 0.35, 28.0)}),  # noqa: E501
        ("gpt-5.4", 1_050_000, 922_000, 128_000, 2.5, 0.25, 15.0, None, {"long": (272_000, 5.0, 0.5, 22.5), "flex": (1.25, 0.13, 7.5), "priority": (5.0, 0.5, 30.0), "batch": (1.25, 7.5)}),  # noqa: E501
        ("gpt-5.4-2026-03-05", 1_050_000, 922_000, 128_000, 2.5, 0.25, 15.0, None, {"long": (272_000, 5.0, 0.5, 22.5), "flex": (1.25, 0.13, 7.5), "priority": (5.0, 0.5, 30.0), "batch": (1.25, 7.5)}),  # noqa: E501
        ("gpt-5.4-mini", 400_000, 272_000, 128_000, 0.75, 0.075, 4.5, None, {"flex": (0.375, 0.0375, 2.25), "priority": (1.5, 0.15, 9.0), "batch": (0.375, 2.25)}),  # noqa: E501
        ("gpt-5.4-mini-2026-03-17", 400_000, 272_000, 128_000, 0.75, 0.075, 4.5, None, {"flex": (0.375, 0.0375, 2.25), "priority": (1.5, 0.15, 9.0), "batch": (0.375, 2.25)}),  # noqa: E501
        ("gpt-5.4-nano", 400_000, 272_000, 128_000, 0.2, 0.02, 1.25, "2027-04-01", {"flex": (0.1, 0.01, 0.625), "batch": (0.1, 0.625)}),  # noqa: E501
        ("gpt-5.4-nano-2026-03-17", 400_000, 272_000, 128_000, 0.2, 0.02, 1.25, "2027-04-01", {"flex": (0.1, 0.01, 0.625), "batch": (0.1, 0.625)}),  # noqa: E501
        ("gpt-5.4-pro", 1_050_000, 922_000, 128_000, 30.0, None, 180.0, None, {"long": (272_000, 60.0, None, 270.0), "flex": (15.0, None, 90.0), "batch": (15.0, 90.0)}),  # noqa: E501
        ("gpt-5.4-pro-2026-03-05", 1_050_000, 922_000, 128_000, 30.0, None, 180.0, None, {"long": (272_000, 60.0, None, 270.0), "flex": (15.0, None, 90.0), "batch": (15.0, 90.0)}),  # noqa: E501
        ("gpt-5.5", 1_050_000, 922_000, 128_000, 5.0, 0.5, 30.0, None, {"long": (272_000, 10.0, 1.0, 45.0), "flex": (2.5, 0.25, 15.0), "priority": (12.5, 1.25, 75.0), "batch": (2.5, 15.0)}),  # noqa: E501
        ("gpt-5.5-2026-04-23", 1_050_000, 922_000, 128_000, 5.0, 0.5, 30.0, None, {"long": (272_000, 10.0, 1.0, 45.0), "flex": (2.5, 0.25, 15.0), "priority": (12.5, 1.25, 75.0), "batch": (2.5, 15.0)}),  # noqa: E501
        ("gpt-5.5-cyber", None, None, None, 12.5, 1.25, 75.0, None),
        ("gpt-5.5-cyber-preview", None, None, None, 12.5, 1.25, 75.0, "2027-02-01"),
        ("gpt-5.5-pro", 1_050_000, 922_000, 128_000, 30.0, None, 180.0, None, {"long": (272_000, 60.0, None, 270.0), "flex": (15.0, None, 90.0), "batch": (15.0, 90.0)}),  # noqa: E501
        ("gpt-5.5-pro-2026-04-23", 1_050_000, 922_000, 128_000, 30.0, None, 180.0, None, {"long": (272_000, 60.0, None, 270.0), "flex": (15.0, None, 90.0), "batch": (15.0, 90.0)}),  # noqa: E501
        ("gpt-5.6", 1_050_000, 922_000, 128_000, 4.0, 0.4, 20.0, None, {"long": (272_000, 8.0, 0.8, 30.0), "flex": (2.0, 0.2, 10.0), "priority": (8.0, 0.8, 40.0), "batch": (2.0, 10.0), "cache_write": 5.0}),  # noqa: E501
        ("gpt-5.6-cyber", 400_000, 272_000, 128_000, 12.5, 1.25, 75.0, None, {"long": (272_000, 25.0, 2.5, 112.5), "cache_write": 15.625}),  # noqa: E501
        ("gpt-5.6-luna", 1_050_000, 922_000, 128_000, 0.2, 0.02, 1.2, None, {"long": (272_000, 0.4, 0.04, 1.8), "flex": (0.1, 0.01, 0.6), "priority": (0.4, 0.04, 2.4), "batch": (0.1, 0.6), "cache_write": 0.25}),  # noqa: E501
        ("gpt-5.6-sol", 1_050_000, 922_000, 128_000, 4.0, 0.4, 20.0, None, {"long": (272_000, 8.0, 0.8, 30.0), "flex": (2.0, 0.2, 10.0), "priority": (8.0, 0.8, 40.0), "batch": (2.0, 10.0), "cache_write": 5.0}),  # noqa: E501
        ("gpt-5.6-terra", 1_050_000, 922_000, 128_000, 2.0, 0.2, 12.0, None, {"long": (272_000, 4.0, 0.4, 18.0), "flex": (1.0, 0.1, 6.0), "priority": (4.0, 0.4, 24.0), "batch": (1.0, 6.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6-astra", 1_050_000, 922_000, 128_000, 10.0, 1.0, 50.0, None, {"long": (272_000, 20.0, 2.0, 75.0), "flex": (5.0, 0.5, 25.0), "priority": (20.0, 2.0, 100.0), "batch": (5.0, 25.0), "cache_write": 12.5}),  # noqa: E501
        ("gpt-6-astra-law", 1_050_000, 922_000, 128_000, 10.0, 1.0, 50.0, None),
        ("gpt-6-cyber", 1_050_000, 922_000, 128_000, 20.0, 2.0, 100.0, None, {"cache_write": 25.0}),
        ("gpt-6-luna", 1_050_000, 922_000, 128_000, 0.1, 0.01, 0.5, None, {"long": (272_000, 0.2, 0.02, 0.75), "flex": (0.05, 0.005, 0.25), "priority": (0.2, 0.02, 1.0), "batch": (0.05, 0.25), "cache_write": 0.125}),  # noqa: E501
        ("gpt-6-rosalind", 1_050_000, 922_000, 128_000, 15.0, 1.5, 75.0, None, {"long": (272_000, 30.0, 3.0, 112.5), "cache_write": 18.75}),  # noqa: E501
        ("gpt-6-sol", 1_050_000, 922_000, 128_000, 2.0, 0.2, 10.0, None, {"long": (272_000, 4.0, 0.4, 15.0), "flex": (1.0, 0.1, 5.0), "priority": (4.0, 0.4, 20.0), "batch": (1.0, 5.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6.1-sol", 1_050_000, 922_000, 128_000, 2.0, 0.1, 10.0, None, {"long": (272_000, 4.0, 0.2, 15.0), "flex": (1.0, 0.05, 5.0), "priority": (4.0, 0.2, 20.0), "batch": (1.0, 5.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6.1-terra", 1_050_000, 922_000, 128_000, 1.0, 0.05, 5.0, None, {"long": (272_000, 2.0, 0.1, 7.5), "flex": (0.5, 0.025, 2.5), "priority": (2.0, 0.1, 10.0), "batch": (0.5, 2.5), "cache_write": 1.25}),  # noqa: E501
        ("gpt-audio", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-01-20"),
        ("gpt-audio-1.5", 128_000, 128_000, 16_384, 2.5, None, 10.0, None),
        ("gpt-audio-2025-08-28", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-01-20"),
        ("gpt-audio-mini", 128_000, 128_000, 16_384, 0.6, None, 2.4, "2027-01-20"),
        ("gpt-audio-mini-2025-12-15", 128_000, 128_000, 16_384, 0.6, None, 2.4, "2027-01-20"),
        ("gpt-daybreak-blue-latest", 1_050_000, 922_000, 128_000, 4.0, 0.4, 20.0, None, {"long": (272_000, 8.0, 0.8, 30.0), "cache_write": 5.0}),  # noqa: E501
        ("gpt-daybreak-red-latest", 400_000, 272_000, 128_000, 12.5, 1.25, 75.0, None, {"long": (272_000, 25.0, 2.5, 112.5), "cache_write": 15.625}),  # noqa: E501
        ("gpt-rosalind-discovery", None, None, None, 5.0, 0.5, 25.0, None),
        ("gpt-rosalind-research", None, None, None, 5.0, 0.5, 25.0, None),
        ("o3", 200_000, 200_000, 100_000, 2.0, 0.5, 8.0, "2026-12-11", {"flex": (1.0, 0.25, 4.0), "priority": (3.5, 0.875, 14.0), "batch": (1.0, 4.0)}),  # noqa: E501
        ("o3-2025-04-16", 200_000, 200_000, 100_000, 2.0, 0.5, 8.0, "2026-12-11", {"flex": (1.0, 0.25, 4.0), "priority": (3.5, 0.875, 14.0), "batch": (1.0, 4.0)}),  # noqa: E501
        ("o3-pro", 200_000, 200_000, 100_000, 20.0, None, 80.0, "2026-12-11", {"batch": (10.0, 40.0)}),  # noqa: E501
        ("o3-pro-2025-06-10", 200_000, 200_000, 100_000, 20.0, None, 80.0, "2026-12-11", {"batch": (10.0, 40.0)}),  # noqa: E501
        ("text-embedding-3-large", 8_191, 8_191, None, 0.13, None, 0.0, None, {"batch": (0.065, 0.0)}),  # noqa: E501
        ("text-embedding-3-small", 8_191, 8_191, None, 0.02, None, 0.0, None, {"batch": (0.01, 0.0)}),  # noqa: E501
        ("text-embedding-ada-002", 8_191, 8_191, None, 0.1, None, 0.0, None),
        ("text-embedding-ada-002-v2", 8_191, 8_191, None, 0.1, None, 0.0, None, {"batch": (0.05, 0.0)}),  # noqa: E501
    ),
    "azure": (
        ("ada", 8_191, 8_191, None, 0.11, None, 0.0, "2028-02-09"),
        ("chat-latest", 400_000, 272_000, 128_000, 5.0, 0.5, 30.0, "2027-05-18"),
        ("computer-use-preview", 8_192, 8_192, 1_024, 3.0, None, 12.0, None),
        ("gpt-3.5-turbo", 4_097, 4_097, 4_096, 0.5, None, 1.5, None),
        ("gpt-35-turbo", 4_097, 4_097, 4_096, 0.5, None, 1.5, None),
        ("gpt-4-0125-preview", 128_000, 128_000, 4_096, 10.0, None, 30.0, None),
        ("gpt-4-1106-preview", 128_000, 128_000, 4_096, 10.0, None, 30.0, None),
        ("gpt-4-turbo", 128_000, 128_000, 4_096, 11.0, None, 33.0, None),
        ("gpt-4-turbo-2024-04-09", 128_000, 128_000, 4_096, 11.0, None, 33.0, None),
        ("gpt-4-turbo-vision-preview", 128_000, 128_000, 4_096, 11.0, None, 33.0, None),
        ("gpt-4.1", 1_047_576, 1_047_576, 32_768, 2.0, 0.5, 8.0, "2027-04-14", {"priority": (3.5, 0.875, 14.0), "batch": (1.0, 4.0)}),  # noqa: E501
        ("gpt-4.1-2025-04-14", 1_047_576, 1_047_576, 32_768, 2.0, 0.5, 8.0, "2027-04-14", {"priority": (3.5, 0.875, 14.0), "batch": (1.0, 4.0)}),  # noqa: E501
        ("gpt-4.1-mini", 1_047_576, 1_047_576, 32_768, 0.4, 0.1, 1.6, "2027-04-14", {"priority": (0.7, 0.175, 2.8), "batch": (0.2, 0.8)}),  # noqa: E501
        ("gpt-4.1-mini-2025-04-14", 1_047_576, 1_047_576, 32_768, 0.4, 0.1, 1.6, "2027-04-14", {"priority": (0.7, 0.175, 2.8), "batch": (0.2, 0.8)}),  # noqa: E501
        ("gpt-4.1-nano", 1_047_576, 1_047_576, 32_768, 0.1, 0.025, 0.4, "2027-04-14", {"batch": (0.05, 0.2)}),  # noqa: E501
        ("gpt-4.1-nano-2025-04-14", 1_047_576, 1_047_576, 32_768, 0.1, 0.025, 0.4, "2027-04-14", {"batch": (0.05, 0.2)}),  # noqa: E501
        ("gpt-4o", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, "2027-04-14", {"batch": (1.25, 5.0)}),
        ("gpt-4o-2024-05-13", 128_000, 128_000, 4_096, 5.0, None, 15.0, "2027-01-14", {"batch": (2.5, 7.5)}),  # noqa: E501
        ("gpt-4o-2024-08-06", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, "2027-04-14", {"batch": (1.25, 5.0)}),  # noqa: E501
        ("gpt-4o-2024-11-20", 128_000, 128_000, 16_384, 2.5, 1.25, 10.0, "2027-04-14", {"batch": (1.25, 5.0)}),  # noqa: E501
        ("gpt-4o-audio-preview-2024-12-17", 128_000, 128_000, 16_384, 2.5, None, 10.0, None),
        ("gpt-4o-mini", 128_000, 128_000, 16_384, 0.15, 0.075, 0.6, "2027-04-14", {"batch": (0.075, 0.3)}),  # noqa: E501
        ("gpt-4o-mini-2024-07-18", 128_000, 128_000, 16_384, 0.15, 0.075, 0.6, "2027-04-14", {"batch": (0.075, 0.3)}),  # noqa: E501
        ("gpt-4o-mini-audio-preview-2024-12-17", 128_000, 128_000, 16_384, 0.15, None, 0.6, None),
        ("gpt-5", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-02-09", {"priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5-2025-08-07", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-02-09", {"priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5-codex", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-03-17"),
        ("gpt-5-mini", 400_000, 272_000, 128_000, 0.25, 0.025, 2.0, "2027-07-13", {"priority": (0.45, 0.045, 3.6), "batch": (0.125, 1.0)}),  # noqa: E501
        ("gpt-5-mini-2025-08-07", 400_000, 272_000, 128_000, 0.25, 0.025, 2.0, "2027-07-13", {"priority": (0.45, 0.045, 3.6), "batch": (0.125, 1.0)}),  # noqa: E501
        ("gpt-5-nano", 400_000, 272_000, 128_000, 0.05, 0.005, 0.4, "2027-02-09", {"batch": (0.025, 0.2)}),  # noqa: E501
        ("gpt-5-nano-2025-08-07", 400_000, 272_000, 128_000, 0.05, 0.005, 0.4, "2027-02-09", {"batch": (0.025, 0.2)}),  # noqa: E501
        ("gpt-5-pro", 400_000, 272_000, 128_000, 15.0, None, 120.0, "2027-04-07", {"batch": (7.5, 60.0)}),  # noqa: E501
        ("gpt-5.1", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-07-13", {"priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5.1-2025-11-13", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-07-13", {"priority": (2.5, 0.25, 20.0), "batch": (0.625, 5.0)}),  # noqa: E501
        ("gpt-5.1-codex", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-05-15"),
        ("gpt-5.1-codex-2025-11-13", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-05-15", {"priority": (2.5, 0.25, 20.0)}),  # noqa: E501
        ("gpt-5.1-codex-max", 400_000, 272_000, 128_000, 1.25, 0.125, 10.0, "2027-05-18"),
        ("gpt-5.1-codex-mini", 400_000, 272_000, 128_000, 0.25, 0.025, 2.0, "2027-05-15"),
        ("gpt-5.1-codex-mini-2025-11-13", 400_000, 272_000, 128_000, 0.25, 0.025, 2.0, "2027-05-15", {"priority": (0.45, 0.045, 3.6)}),  # noqa: E501
        ("gpt-5.2", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, "2027-06-08", {"priority": (3.5, 0.35, 28.0), "batch": (0.875, 7.0)}),  # noqa: E501
        ("gpt-5.2-2025-12-11", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, "2027-06-08", {"priority": (3.5, 0.35, 28.0), "batch": (0.875, 7.0)}),  # noqa: E501
        ("gpt-5.2-codex", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, "2027-07-13"),
        ("gpt-5.3-codex", 400_000, 272_000, 128_000, 1.75, 0.175, 14.0, "2027-08-24", {"priority": (3.5, 0.35, 28.0)}),  # noqa: E501
        ("gpt-5.4", 1_050_000, 922_000, 128_000, 2.5, 0.25, 15.0, "2027-09-02", {"long": (272_000, 5.0, 0.5, 22.5), "flex": (1.25, None, 7.5), "priority": (5.0, 0.5, 30.0), "batch": (1.25, 7.5)}),  # noqa: E501
        ("gpt-5.4-2026-03-05", 1_050_000, 922_000, 128_000, 2.5, 0.25, 15.0, "2027-09-02", {"long": (272_000, 5.0, 0.5, 22.5), "flex": (1.25, None, 7.5), "priority": (5.0, 0.5, 30.0), "batch": (1.25, 7.5)}),  # noqa: E501
        ("gpt-5.4-mini", 400_000, 272_000, 128_000, 0.75, 0.075, 4.5, "2027-09-21", {"flex": (0.375, 0.0375, 2.25), "priority": (1.5, 0.15, 9.0), "batch": (0.375, 2.25)}),  # noqa: E501
        ("gpt-5.4-mini-2026-03-17", 400_000, 272_000, 128_000, 0.75, 0.075, 4.5, "2027-09-21", {"flex": (0.375, 0.0375, 2.25), "priority": (1.5, 0.15, 9.0), "batch": (0.375, 2.25)}),  # noqa: E501
        ("gpt-5.4-nano", 400_000, 272_000, 128_000, 0.2, 0.02, 1.25, "2027-09-21", {"flex": (0.1, 0.01, 0.625), "batch": (0.1, 0.625)}),  # noqa: E501
        ("gpt-5.4-nano-2026-03-17", 400_000, 272_000, 128_000, 0.2, 0.02, 1.25, "2027-09-21", {"flex": (0.1, 0.01, 0.625), "batch": (0.1, 0.625)}),  # noqa: E501
        ("gpt-5.4-pro", 1_050_000, 922_000, 128_000, 30.0, 3.0, 180.0, "2027-09-07", {"long": (272_000, 60.0, 6.0, 270.0), "flex": (15.0, None, 90.0), "batch": (15.0, 90.0)}),  # noqa: E501
        ("gpt-5.4-pro-2026-03-05", 1_050_000, 922_000, 128_000, 30.0, 3.0, 180.0, "2027-09-07", {"long": (272_000, 60.0, 6.0, 270.0), "flex": (15.0, None, 90.0), "batch": (15.0, 90.0)}),  # noqa: E501
        ("gpt-5.5", 1_050_000, 922_000, 128_000, 5.0, 0.5, 30.0, "2027-10-26", {"long": (272_000, 10.0, 1.0, 45.0), "flex": (2.5, 0.25, None), "priority": (12.5, 1.25, 75.0), "batch": (2.5, 15.0)}),  # noqa: E501
        ("gpt-5.5-2026-04-23", 1_050_000, 922_000, 128_000, 5.0, 0.5, 30.0, "2027-10-26", {"long": (272_000, 10.0, 1.0, 45.0), "flex": (2.5, 0.25, None), "priority": (12.5, 1.25, 75.0), "batch": (2.5, 15.0)}),  # noqa: E501
        ("gpt-5.5-2026-04-24", 1_050_000, 922_000, 128_000, 5.0, 0.5, 30.0, "2027-10-26", {"long": (272_000, 10.0, 1.0, 45.0), "flex": (2.5, 0.25, None), "priority": (12.5, 1.25, 75.0), "batch": (2.5, 15.0)}),  # noqa: E501
        ("gpt-5.5-pro", 1_050_000, 922_000, 128_000, 30.0, 3.0, 180.0, None, {"long": (272_000, 60.0, 6.0, 270.0)}),  # noqa: E501
        ("gpt-5.5-pro-2026-04-23", 1_050_000, 922_000, 128_000, 30.0, 3.0, 180.0, None, {"long": (272_000, 60.0, 6.0, 270.0)}),  # noqa: E501
        ("gpt-5.6-luna", 1_050_000, 922_000, 128_000, 0.2, 0.02, 1.2, "2028-01-11", {"long": (272_000, 0.4, 0.04, 1.8), "flex": (0.1, 0.01, 0.6), "priority": (0.4, 0.04, 2.4), "cache_write": 0.25}),  # noqa: E501
        ("gpt-5.6-luna-2026-07-09", 1_050_000, 922_000, 128_000, 0.2, 0.02, 1.2, "2028-01-11", {"long": (272_000, 0.4, 0.04, 1.8), "flex": (0.1, 0.01, 0.6), "priority": (0.4, 0.04, 2.4), "cache_write": 0.25}),  # noqa: E501
        ("gpt-5.6-sol", 1_050_000, 922_000, 128_000, 4.0, 0.4, 20.0, "2028-01-11", {"long": (272_000, 8.0, 0.8, 30.0), "flex": (2.0, 0.2, 10.0), "priority": (8.0, 0.8, 40.0), "cache_write": 5.0}),  # noqa: E501
        ("gpt-5.6-sol-2026-07-09", 1_050_000, 922_000, 128_000, 4.0, 0.4, 20.0, "2028-01-11", {"long": (272_000, 8.0, 0.8, 30.0), "flex": (2.0, 0.2, 10.0), "priority": (8.0, 0.8, 40.0), "cache_write": 5.0}),  # noqa: E501
        ("gpt-5.6-terra", 1_050_000, 922_000, 128_000, 2.0, 0.2, 12.0, "2028-01-11", {"long": (272_000, 4.0, 0.4, 18.0), "flex": (1.0, 0.1, 6.0), "priority": (4.0, 0.4, 24.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-5.6-terra-2026-07-09", 1_050_000, 922_000, 128_000, 2.0, 0.2, 12.0, "2028-01-11", {"long": (272_000, 4.0, 0.4, 18.0), "flex": (1.0, 0.1, 6.0), "priority": (4.0, 0.4, 24.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6-astra", 1_050_000, 922_000, 128_000, 10.0, 1.0, 50.0, "2028-01-11", {"long": (272_000, 20.0, 2.0, 75.0), "flex": (5.0, 0.5, 25.0), "cache_write": 12.5}),  # noqa: E501
        ("gpt-6-astra-2026-09-03", 1_050_000, 922_000, 128_000, 10.0, 1.0, 50.0, "2028-01-11", {"long": (272_000, 20.0, 2.0, 75.0), "flex": (5.0, 0.5, 25.0), "cache_write": 12.5}),  # noqa: E501
        ("gpt-6-luna", 1_050_000, 922_000, 128_000, 0.1, 0.01, 0.5, "2028-03-11", {"long": (272_000, 0.2, 0.02, 0.75), "flex": (0.05, 0.005, 0.25), "cache_write": 0.125}),  # noqa: E501
        ("gpt-6-luna-2026-09-22", 1_050_000, 922_000, 128_000, 0.1, 0.01, 0.5, "2028-03-11", {"long": (272_000, 0.2, 0.02, 0.75), "flex": (0.05, 0.005, 0.25), "cache_write": 0.125}),  # noqa: E501
        ("gpt-6-sol", 1_050_000, 922_000, 128_000, 2.0, 0.2, 10.0, "2028-03-11", {"long": (272_000, 4.0, 0.4, 15.0), "flex": (1.0, 0.1, 5.0), "priority": (4.0, 0.4, 20.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6-sol-2026-09-22", 1_050_000, 922_000, 128_000, 2.0, 0.2, 10.0, "2028-03-11", {"long": (272_000, 4.0, 0.4, 15.0), "flex": (1.0, 0.1, 5.0), "priority": (4.0, 0.4, 20.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6.1-sol", 1_050_000, 922_000, 128_000, 2.0, 0.1, 10.0, "2028-03-11", {"long": (272_000, 4.0, 0.2, 15.0), "flex": (1.0, 0.05, 5.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-6.1-sol-2026-09-29", 1_050_000, 922_000, 128_000, 2.0, 0.1, 10.0, "2028-03-11", {"long": (272_000, 4.0, 0.2, 15.0), "flex": (1.0, 0.05, 5.0), "cache_write": 2.5}),  # noqa: E501
        ("gpt-audio", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-03-02"),
        ("gpt-audio-1.5", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-08-24"),
        ("gpt-audio-1.5-2026-02-23", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-08-24"),
        ("gpt-audio-2025-08-28", 128_000, 128_000, 16_384, 2.5, None, 10.0, "2027-03-02"),
        ("gpt-audio-mini", 128_000, 128_000, 16_384, 0.6, None, 2.4, "2027-06-15"),
        ("gpt-audio-mini-2025-10-06", 128_000, 128_000, 16_384, 0.6, None, 2.4, "2027-04-06"),
        ("gpt-chat-latest", 128_000, 128_000, 128_000, 5.0, 0.5, 30.0, "2027-05-18"),
        ("mistral-large-2402", 32_000, 32_000, 32_000, 8.0, None, 24.0, None),
        ("mistral-large-latest", 32_000, 32_000, 32_000, 8.0, None, 24.0, None),
        ("model-router", 200_000, 200_000, 32_768, 0.14, None, 0.0, "2027-05-20"),
        ("o1-mini", 128_000, 128_000, 65_536, 1.1, 0.55, 4.4, None, {"batch": (0.55, 2.2)}),
        ("o1-mini-2024-09-12", 128_000, 128_000, 65_536, 1.1, 0.55, 4.4, None, {"batch": (0.55, 2.2)}),  # noqa: E501
        ("text-embedding-3-large", 8_192, 8_192, None, 0.143, None, 0.0, "2028-02-09"),
        ("text-embedding-3-small", 8_192, 8_192, None, 0.022, None, 0.0, "2028-02-09"),
        ("text-embedding-ada-002", 8_192, 8_192, None, 0.11, None, 0.0, "2028-02-09"),
    ),
    "groq": (
        ("meta-llama/llama-prompt-guard-2-22m", 512, 512, 512, 0.03, None, 0.03, None),
        ("meta-llama/llama-prompt-guard-2-86m", 512, 512, 512, 0.04, None, 0.04, None),
        ("openai/gpt-oss-120b", 131_072, 131_072, 65_536, 0.15, 0.075, 0.6, None),
        ("openai/gpt-oss-20b", 131_072, 131_072, 65_536, 0.075, 0.0375, 0.3, None),
        ("openai/gpt-oss-safeguard-20b", 131_072, 131_072, 65_536, 0.075, 0.037, 0.3, None),
        ("qwen/qwen3.8-27b", 131_072, 131_072, 16_384, 0.8, None, 4.0, None),
    ),
    "together": (
        ("arcee-ai/trinity-mini", 128_000, 128_000, 128_000, 0.045, None, 0.15, None),
        ("arize-ai/qwen-2-1.5b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),
        ("BAAI/bge-base-en-v1.5", 512, 512, None, 0.008, None, 0.0, None),
        ("deepseek-ai/DeepSeek-R1-0528", 163_840, 163_840, None, 3.0, None, 7.0, None),
        ("deepseek-ai/DeepSeek-V3", 65_536, 65_536, 8_192, 1.25, None, 1.25, None),
        ("deepseek-ai/DeepSeek-V4-Pro-0813", 1_048_576, 1_048_576, 1_048_576, 1.32, 0.13, 3.96, None),  # noqa: E501
        ("deepseek-ai/DeepSeek-V4.1-Flash", 1_048_576, 1_048_576, 1_048_576, 0.3, 0.006, 1.2, None),
        ("deepseek-ai/DeepSeek-V4.1-Flash-1017", 1_048_576, 1_048_576, 1_048_576, 0.3, 0.006, 1.2, None),  # noqa: E501
        ("essentialai/rnj-1-instruct", None, None, None, 0.15, None, 0.15, None),
        ("meta-llama/Llama-3.1-405B-Instruct", 4_096, 4_096, 4_096, 3.5, None, 3.5, None),
        ("meta-llama/Llama-3.2-1B-Instruct", 131_072, 131_072, 131_072, 0.06, None, 0.06, None),
        ("meta-llama/Llama-3.2-3B-Instruct", 131_072, 131_072, 131_072, 0.06, None, 0.06, None),
        ("meta-models/Muse-Glimmer-30B", 131_072, 131_072, 131_072, 0.35, 0.04, 1.5, None),
        ("meta-models/Muse-Spark-Open-816B-A42B", 1_048_576, 1_048_576, 1_048_576, 1.25, 0.15, 4.25, None),  # noqa: E501
        ("MiniMaxAI/MiniMax-M2.7", 196_608, 196_608, None, 0.3, 0.06, 1.2, None),
        ("MiniMaxAI/MiniMax-M3.1-Flash", 1_048_576, 1_048_576, 1_048_576, 0.15, 0.015, 0.6, None),
        ("mistralai/Ministral-3-14B-Instruct-2512", 262_144, 262_144, None, 0.2, None, 0.2, None),
        ("mistralai/Mistral-7B-Instruct-v0.3", 32_768, 32_768, None, 0.2, None, 0.2, None),
        ("moonshotai/Kimi-K2-Instruct", None, None, None, 1.0, None, 3.0, None),
        ("moonshotai/Kimi-K2.5-fp4", 262_144, 262_144, None, 0.5, None, 2.8, None),
        ("moonshotai/Kimi-K3", 1_048_576, 1_048_576, 1_048_576, 3.0, 0.3, 15.0, None),
        ("moonshotai/Kimi-K3.1-Pro", 1_048_576, 1_048_576, 1_048_576, 2.0, 0.2, 10.0, None),
        ("nvidia/NVIDIA-Nemotron-3.5-Super-VL", 262_144, 262_144, 262_144, 0.15, 0.02, 0.5, None),
        ("openai/gpt-oss-120b", 131_072, 131_072, 131_072, 0.15, None, 0.6, None),
        ("Prism-ML/Ternary-Bonsai-27B", 262_144, 262_144, 262_144, 0.0, None, 0.0, None),
        ("Qwen/Qwen2-1.5B-Instruct", 32_768, 32_768, 32_768, 0.02, None, 0.02, None),
        ("Qwen/Qwen2.5-14B-Instruct", 32_768, 32_768, 32_768, 0.8, None, 0.8, None),
        ("Qwen/Qwen2.5-72B-Instruct", 32_768, 32_768, 32_768, 1.2, None, 1.2, None),
        ("Qwen/Qwen2.5-7B-Instruct-Turbo", 32_768, 32_768, None, 0.3, None, 0.3, None),
        ("Qwen/Qwen3.5-9B", 262_144, 262_144, 262_144, 0.17, None, 0.25, None),
        ("Qwen/Qwen3.6-Plus", 1_000_000, 1_000_000, 1_000_000, 0.5, None, 3.0, None),
        ("Qwen/Qwen3.7-Max", 1_000_000, 1_000_000, 1_000_000, 2.5, 0.5, 7.5, None),
        ("Qwen/Qwen3.7-Plus", 1_000_000, 1_000_000, 1_000_000, 0.32, None, 1.28, None),
        ("Qwen/Qwen3.8-Flash", 1_000_000, 1_000_000, 1_000_000, 0.15, None, 0.47, None),
        ("reflection/Beam-1.0-501B-A23B", 1_048_576, 1_048_576, 1_048_576, 0.4, 0.04, 1.2, None),
        ("ricursive-ai/Ripple-65B-Preview", 131_072, 131_072, 131_072, 0.2, 0.02, 0.6, None),
        ("together/Tev1-4B-experimental", 32_768, 32_768, None, 0.042, None, 0.0, None),
        ("zai-org/GLM-4.6", 202_752, 202_752, 202_752, 0.6, None, 2.2, None),
        ("zai-org/GLM-5.2", 1_048_575, 1_048_575, 128_000, 1.4, 0.26, 4.4, None),
        ("zai-org/GLM-5.3", 1_048_575, 1_048_575, 128_000, 1.4, 0.26, 4.4, None),
        ("zai-org/GLM-5.3-Flash", 1_048_575, 1_048_575, 128_000, 0.15, 0.03, 0.5, None),
    ),
    "deepseek": (
        ("deepseek-flash", 1_000_000, 1_000_000, 393_216, 0.3, 0.006, 1.2, None, {"off_peak": (0.15, 0.003, 0.6, (((1, 2, 3, 4, 5), ("00:00-01:00", "04:00-06:00", "10:00-00:00")), ((6, 7), ("00:00-00:00",))))}),  # noqa: E501
        ("deepseek-v4-flash", 1_000_000, 1_000_000, 393_216, 0.3, 0.006, 1.2, None, {"off_peak": (0.15, 0.003, 0.6, (((1, 2, 3, 4, 5), ("00:00-01:00", "04:00-06:00", "10:00-00:00")), ((6, 7), ("00:00-00:00",))))}),  # noqa: E501
        ("deepseek-v4-flash-vision-exp", 1_000_000, 1_000_000, 393_216, 0.3, 0.006, 1.2, None, {"off_peak": (0.15, 0.003, 0.6, (((1, 2, 3, 4, 5), ("00:00-01:00", "04:00-06:00", "10:00-00:00")), ((6, 7), ("00:00-00:00",))))}),  # noqa: E501
        ("deepseek-v4-pro", 1_000_000, 1_000_000, 393_216, 1.32, 0.044, 3.96, None, {"off_peak": (0.66, 0.022, 1.98, (((1, 2, 3, 4, 5), ("00:00-01:00", "04:00-06:00", "10:00-00:00")), ((6, 7), ("00:00-00:00",))))}),  # noqa: E501
    ),
    "mistral": (
        ("codestral-2508", 128_000, 128_000, 128_000, 0.3, 0.03, 0.9, None),
        ("codestral-embed", 8_192, 8_192, None, 0.15, 0.015, None, None),
        ("codestral-embed-2505", 8_192, 8_192, None, 0.15, 0.015, None, None),
        ("codestral-latest", 128_000, 128_000, 128_000, 0.3, 0.03, 0.9, None),
        ("codestral-mamba-latest", 256_000, 256_000, 256_000, 0.25, 0.025, 0.25, None),
        ("deepseek-v4-1-flash-1017", 1_048_576, 1_048_576, 131_072, 0.3, 0.007, 1.2, None),
        ("devstral-latest", 256_000, 256_000, 256_000, 0.4, 0.04, 2.0, None),
        ("devstral-medium-latest", 256_000, 256_000, 256_000, 0.4, 0.04, 2.0, None),
        ("devstral-small-latest", 256_000, 256_000, 256_000, 0.1, 0.01, 0.3, None),
        ("glm-5-2", 1_048_576, 1_048_576, 131_072, 1.4, 0.14, 4.4, None),
        ("labs-leanstral-1-5-1", 262_144, 262_144, 131_072, 0.0, None, 0.0, None),
        ("magistral-medium-latest", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("magistral-small-latest", 262_144, 262_144, 262_144, 0.15, 0.015, 0.6, None),
        ("ministral-14b-2512", 262_144, 262_144, 262_144, 0.2, 0.02, 0.2, None),
        ("ministral-14b-latest", 262_144, 262_144, 262_144, 0.2, 0.02, 0.2, None),
        ("ministral-3-14b-2512", 262_144, 262_144, 262_144, 0.2, 0.02, 0.2, None),
        ("ministral-3-3b-2512", 131_072, 131_072, 131_072, 0.1, 0.01, 0.1, None),
        ("ministral-3-8b-2512", 262_144, 262_144, 262_144, 0.15, 0.015, 0.15, None),
        ("ministral-3b-2512", 131_072, 131_072, 131_072, 0.1, 0.01, 0.1, None),
        ("ministral-3b-latest", 131_072, 131_072, 131_072, 0.1, 0.01, 0.1, None),
        ("ministral-8b-2512", 262_144, 262_144, 262_144, 0.15, 0.015, 0.15, None),
        ("ministral-8b-latest", 262_144, 262_144, 262_144, 0.15, 0.015, 0.15, None),
        ("mistral-code-agent-latest", 256_000, 256_000, 256_000, 0.4, 0.04, 2.0, None),
        ("mistral-code-fim-latest", 128_000, 128_000, 128_000, 0.3, 0.03, 0.9, None),
        ("mistral-code-latest", 128_000, 128_000, 128_000, 0.3, 0.03, 0.9, None),
        ("mistral-embed", 8_192, 8_192, None, 0.1, None, None, None),
        ("mistral-embed-2312", 8_192, 8_192, None, 0.1, None, None, None),
        ("mistral-large-2512", 262_144, 262_144, 262_144, 0.5, 0.05, 1.5, "2027-04-30"),
        ("mistral-large-3", 262_144, 262_144, 262_144, 0.5, 0.05, 1.5, None),
        ("mistral-large-4", 1_048_576, 1_048_576, 1_048_576, 0.7, 0.07, 2.1, None),
        ("mistral-large-4-0", 1_048_576, 1_048_576, 1_048_576, 0.7, 0.07, 2.1, None),
        ("mistral-large-latest", 262_144, 262_144, 262_144, 0.5, 0.05, 1.5, None),
        ("mistral-medium", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("mistral-medium-2604", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("mistral-medium-3", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("mistral-medium-3-5", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, "2027-04-30"),
        ("mistral-medium-3.5", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("mistral-medium-latest", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("mistral-small", 32_000, 32_000, 8_191, 0.1, 0.01, 0.3, None),
        ("mistral-small-2603", 262_144, 262_144, 262_144, 0.15, 0.015, 0.6, None),
        ("mistral-small-latest", 262_144, 262_144, 262_144, 0.15, 0.015, 0.6, None),
        ("mistral-tiny", 32_000, 32_000, 8_191, 0.25, 0.025, 0.25, None),
        ("mistral-vibe-cli-fast", 262_144, 262_144, 262_144, 0.15, 0.015, 0.6, None),
        ("mistral-vibe-cli-latest", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("mistral-vibe-cli-with-tools", 262_144, 262_144, 262_144, 1.5, 0.15, 7.5, None),
        ("open-mistral-nemo", 128_000, 128_000, 128_000, 0.3, 0.03, 0.3, None),
        ("pixtral-large-latest", 128_000, 128_000, 128_000, 2.0, 0.2, 6.0, None),
        ("voxtral-small-2507", 32_768, 32_768, 32_768, 0.1, 0.01, 0.4, None),
        ("voxtral-small-latest", 32_768, 32_768, 32_768, 0.1, 0.01, 0.4, None),
        ("zai-glm-5", 1_048_576, 1_048_576, 131_072, 1.4, 0.14, 4.4, None),
        ("zai-glm-5-3", 1_048_576, 1_048_576, 131_072, 1.4, 0.14, 4.4, None),
        ("zai-glm-5-3-flash", 1_048_576, 1_048_576, 131_072, 0.15, 0.03, 0.5, None),
        ("zai-glm-latest", 1_048_576, 1_048_576, 131_072, 1.4, 0.14, 4.4, None),
    ),
    "xai": (
        ("grok-4.20", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-0309", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-0309-non-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-0309-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-beta", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-0309", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-0309-non-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-0309-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-latest-non-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-latest-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-non-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-beta-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-experimental-beta-0304", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-experimental-beta-0304-non-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-experimental-beta-0304-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-experimental-beta-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-experimental-beta-non-reasoning-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-experimental-beta-reasoning-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-multi-agent", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-multi-agent-0309", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-multi-agent-beta-0309", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-multi-agent-beta-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-multi-agent-experimental-beta-0304", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-multi-agent-experimental-beta-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-multi-agent-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-non-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-non-reasoning-gv2", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-non-reasoning-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-reasoning", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.20-reasoning-gv2", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0)}),  # noqa: E501
        ("grok-4.20-reasoning-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.3", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.3-latest", 1_000_000, 1_000_000, 1_000_000, 1.25, 0.2, 2.5, None, {"long": (200_000, 2.5, 0.4, 5.0), "batch": (1.0, 2.0)}),  # noqa: E501
        ("grok-4.5", 500_000, 500_000, 500_000, 2.0, 0.3, 6.0, None, {"long": (200_000, 4.0, 0.6, 12.0)}),  # noqa: E501
        ("grok-4.5-latest", 500_000, 500_000, 500_000, 2.0, 0.3, 6.0, None, {"long": (200_000, 4.0, 0.6, 12.0)}),  # noqa: E501
        ("grok-4.6", 500_000, 500_000, 500_000, 2.0, 0.5, 6.0, None, {"long": (200_000, 4.0, 1.0, 12.0)}),  # noqa: E501
        ("grok-4.7", 500_000, 500_000, 500_000, 2.0, 0.5, 6.0, None, {"long": (200_000, 4.0, 1.0, 12.0), "batch": (1.6, 4.8)}),  # noqa: E501
        ("grok-build-0.1", 256_000, 256_000, 256_000, 1.0, 0.2, 2.0, None, {"long": (200_000, 2.0, 0.4, 4.0)}),  # noqa: E501
        ("grok-build-latest", 500_000, 500_000, 500_000, 2.0, 0.3, 6.0, None, {"long": (200_000, 4.0, 0.6, 12.0)}),  # noqa: E501
        ("grok-code-fast", 256_000, 256_000, 256_000, 1.0, 0.2, 2.0, None, {"long": (200_000, 2.0, 0.4, 4.0)}),  # noqa: E501
        ("grok-code-fast-1-0825", 256_000, 256_000, 256_000, 1.0, 0.2, 2.0, None, {"long": (200_000, 2.0, 0.4, 4.0)}),  # noqa: E501
    ),
    "fireworks": (
        ("accounts/fireworks/models/chronos-hermes-13b-v2", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-13b", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/code-llama-13b-instruct", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-13b-python", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-34b", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/code-llama-34b-instruct", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-34b-python", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-70b", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/code-llama-70b-instruct", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-70b-python", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-7b", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/code-llama-7b-instruct", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/code-llama-7b-python", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/code-qwen-1p5-7b", 65_536, 65_536, 65_536, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/codegemma-2b", 8_192, 8_192, 8_192, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/codegemma-7b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/cogito-671b-v2-p1", 163_840, 163_840, 163_840, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/cogito-v1-preview-llama-3b", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/cogito-v1-preview-llama-70b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/cogito-v1-preview-llama-8b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/cogito-v1-preview-qwen-14b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/cogito-v1-preview-qwen-32b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/dbrx-instruct", 32_768, 32_768, 32_768, 1.2, None, 1.2, None),
        ("accounts/fireworks/models/deepseek-coder-1b-base", 16_384, 16_384, 16_384, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-33b-instruct", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-7b-base", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-7b-base-v1p5", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-7b-instruct-v1p5", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-v2-instruct", 65_536, 65_536, 65_536, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-v2-lite-base", 163_840, 163_840, 163_840, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-coder-v2-lite-instruct", 163_840, 163_840, 163_840, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-prover-v2", 163_840, 163_840, 163_840, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1", 163_840, 163_840, 20_480, 3.0, None, 8.0, None),
        ("accounts/fireworks/models/deepseek-r1-0528", 163_840, 163_840, 160_000, 3.0, None, 8.0, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-0528-distill-qwen3-8b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-basic", 163_840, 163_840, 20_480, 0.55, None, 2.19, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-distill-llama-70b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-distill-llama-8b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-distill-qwen-14b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-distill-qwen-1p5b", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-distill-qwen-32b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-r1-distill-qwen-7b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v2-lite-chat", 163_840, 163_840, 163_840, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v2p5", 32_768, 32_768, 32_768, 1.2, None, 1.2, None),
        ("accounts/fireworks/models/deepseek-v3", 131_072, 131_072, 8_192, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/deepseek-v3-0324", 163_840, 163_840, 163_840, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v3p1", 128_000, 128_000, 8_192, 0.56, None, 1.68, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v3p1-terminus", 128_000, 128_000, 8_192, 0.56, None, 1.68, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v3p2", 163_840, 163_840, 163_840, 0.56, None, 1.68, None),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v4p1-flash", 1_048_576, 1_048_576, 393_216, 0.3, 0.006, 1.2, None, {"priority": (0.375, 0.0075, 1.5)}),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v4p1-flash-1017", 1_048_576, 1_048_576, 393_216, 0.3, 0.006, 1.2, None, {"priority": (0.375, 0.0075, 1.5)}),  # noqa: E501
        ("accounts/fireworks/models/deepseek-v4p1-flash-1017-us", 1_048_576, 1_048_576, 393_216, 0.45, 0.009, 1.8, None, {"priority": (0.5625, 0.01125, 2.25)}),  # noqa: E501
        ("accounts/fireworks/models/devstral-small-2505", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/dobby-mini-unhinged-plus-llama-3-1-8b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/dobby-unhinged-llama-3-3-70b-new", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/dolphin-2-9-2-qwen2-72b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/dolphin-2p6-mixtral-8x7b", 32_768, 32_768, 32_768, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/ember-1", 1_048_576, 1_048_576, None, 3.0, 0.3, 15.0, None, {"priority": (3.75, 0.375, 18.75)}),  # noqa: E501
        ("accounts/fireworks/models/ernie-4p5-21b-a3b-pt", 131_072, 131_072, 4_096, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/ernie-4p5-300b-a47b-pt", 131_072, 131_072, 4_096, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/fare-20b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/firefunction-v1", 32_768, 32_768, 32_768, 0.5, None, 0.5, None),
        ("accounts/fireworks/models/firefunction-v2", 8_192, 8_192, 8_192, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/firellava-13b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/firesearch-ocr-v6", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/flux-1-dev", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/flux-1-dev-controlnet-union", 4_096, 4_096, 4_096, 0.001, None, 0.001, None),  # noqa: E501
        ("accounts/fireworks/models/flux-1-schnell", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/gemma-2b-it", 8_192, 8_192, 8_192, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/gemma-3-27b-it", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/gemma-7b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/gemma-7b-it", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/gemma2-9b-it", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/glm-4p5", 131_072, 131_072, 96_000, 0.55, None, 2.19, None),
        ("accounts/fireworks/models/glm-4p5-air", 131_072, 131_072, 96_000, 0.22, None, 0.88, None),
        ("accounts/fireworks/models/glm-4p5v", 131_072, 131_072, 131_072, 1.2, None, 1.2, None),
        ("accounts/fireworks/models/glm-4p6", 202_752, 202_752, 202_800, 0.55, None, 2.19, None),
        ("accounts/fireworks/models/glm-4p7", 202_752, 202_752, 202_800, 0.6, 0.3, 2.2, None),
        ("accounts/fireworks/models/glm-5p1", 202_752, 202_752, 131_072, 1.4, 0.26, 4.4, None),
        ("accounts/fireworks/models/glm-5p3", 1_048_576, 1_048_576, 128_000, 1.4, 0.26, 4.4, None, {"priority": (1.75, 0.325, 5.5)}),  # noqa: E501
        ("accounts/fireworks/models/glm-5p3-flash", 1_048_576, 1_048_576, 1_048_576, 0.15, 0.03, 0.5, None, {"priority": (0.1875, 0.0375, 0.625)}),  # noqa: E501
        ("accounts/fireworks/models/gpt-oss-20b", 131_072, 131_072, 32_768, 0.07, 0.035, 0.3, None),
        ("accounts/fireworks/models/gpt-oss-safeguard-120b", 131_072, 131_072, 131_072, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/gpt-oss-safeguard-20b", 131_072, 131_072, 131_072, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/hermes-2-pro-mistral-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/internvl3-38b", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/internvl3-78b", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/internvl3-8b", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/kat-coder", 262_144, 262_144, 262_144, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/kat-dev-32b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/kat-dev-72b-exp", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/kimi-k2-instruct", 131_072, 131_072, 16_384, 0.6, None, 2.5, None),  # noqa: E501
        ("accounts/fireworks/models/kimi-k2-instruct-0905", 262_144, 262_144, 32_768, 0.6, None, 2.5, None),  # noqa: E501
        ("accounts/fireworks/models/kimi-k2-thinking", 262_144, 262_144, 262_144, 0.6, None, 2.5, None),  # noqa: E501
        ("accounts/fireworks/models/kimi-k2p5", 262_144, 262_144, 32_768, 0.6, 0.1, 3.0, None),
        ("accounts/fireworks/models/kimi-k3", 1_048_576, 1_048_576, 131_072, 3.0, 0.3, 15.0, None, {"priority": (3.75, 0.375, 18.75)}),  # noqa: E501
        ("accounts/fireworks/models/kimi-k3p1-pro", 1_048_576, 1_048_576, 131_072, 2.0, 0.2, 10.0, None, {"priority": (3.0, 0.3, 15.0)}),  # noqa: E501
        ("accounts/fireworks/models/llama-guard-2-8b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llama-guard-3-1b", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-guard-3-8b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v2-13b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llama-v2-13b-chat", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llama-v2-70b", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/llama-v2-70b-chat", 2_048, 2_048, 2_048, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/llama-v2-7b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llama-v2-7b-chat", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llama-v3-70b-instruct", 8_192, 8_192, 8_192, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3-70b-instruct-hf", 8_192, 8_192, 8_192, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3-8b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llama-v3-8b-instruct-hf", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p1-405b-instruct", 131_072, 131_072, 16_384, 3.0, None, 3.0, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p1-405b-instruct-long", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p1-70b-instruct", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p1-70b-instruct-1b", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p1-8b-instruct", 131_072, 131_072, 16_384, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p1-nemotron-70b-instruct", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p2-11b-vision-instruct", 131_072, 131_072, 16_384, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p2-1b", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p2-1b-instruct", 131_072, 131_072, 16_384, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p2-3b", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p2-3b-instruct", 131_072, 131_072, 16_384, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p2-90b-vision-instruct", 131_072, 131_072, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/llama-v3p3-70b-instruct", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/llama4-maverick-instruct-basic", 131_072, 131_072, 131_072, 0.22, None, 0.88, None),  # noqa: E501
        ("accounts/fireworks/models/llama4-scout-instruct-basic", 131_072, 131_072, 131_072, 0.15, None, 0.6, None),  # noqa: E501
        ("accounts/fireworks/models/llamaguard-7b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/llava-yi-34b", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/minimax-m1-80k", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/minimax-m2", 196_608, 196_608, 4_096, 0.3, None, 1.2, None),
        ("accounts/fireworks/models/minimax-m2p1", 196_608, 196_608, 204_800, 0.3, 0.03, 1.2, None),
        ("accounts/fireworks/models/minimax-m3", 512_000, 512_000, 512_000, 0.3, 0.06, 1.2, None, {"priority": (0.45, 0.09, 1.8)}),  # noqa: E501
        ("accounts/fireworks/models/minimax-m3p1-flash", 1_048_576, 1_048_576, 1_048_576, 0.15, 0.015, 0.6, None, {"priority": (0.225, 0.0225, 0.9)}),  # noqa: E501
        ("accounts/fireworks/models/ministral-3-14b-instruct-2512", 256_000, 256_000, 256_000, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/ministral-3-3b-instruct-2512", 256_000, 256_000, 256_000, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/ministral-3-8b-instruct-2512", 256_000, 256_000, 256_000, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/mistral-7b-instruct-4k", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-7b-instruct-v0p2", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-7b-instruct-v3", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-7b-v0p2", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/mistral-large-3-fp8", 256_000, 256_000, 256_000, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-nemo-base-2407", 128_000, 128_000, 128_000, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-nemo-instruct-2407", 128_000, 128_000, 128_000, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/mistral-small-24b-instruct-2501", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/mixtral-8x22b", 65_536, 65_536, 65_536, 1.2, None, 1.2, None),
        ("accounts/fireworks/models/mixtral-8x22b-instruct", 65_536, 65_536, 65_536, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/mixtral-8x22b-instruct-hf", 65_536, 65_536, 65_536, 1.2, None, 1.2, None),  # noqa: E501
        ("accounts/fireworks/models/mixtral-8x7b", 32_768, 32_768, 32_768, 0.5, None, 0.5, None),
        ("accounts/fireworks/models/mixtral-8x7b-instruct", 32_768, 32_768, 32_768, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/mixtral-8x7b-instruct-hf", 32_768, 32_768, 32_768, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/muse-spark-open", 1_048_576, 1_048_576, None, 1.25, 0.15, 4.25, None, {"priority": (1.875, 0.225, 6.375)}),  # noqa: E501
        ("accounts/fireworks/models/mythomax-l2-13b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/nemotron-nano-v2-12b-vl", 131_072, 131_072, 4_096, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/nous-capybara-7b-v1p9", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/nous-hermes-2-mixtral-8x7b-dpo", 32_768, 32_768, 32_768, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/nous-hermes-2-yi-34b", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/nous-hermes-llama2-13b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/nous-hermes-llama2-70b", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/nous-hermes-llama2-7b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/nvidia-nemotron-nano-12b-v2", 128_000, 128_000, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/nvidia-nemotron-nano-9b-v2", 128_000, 128_000, 131_072, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/openchat-3p5-0106-7b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/openhermes-2-mistral-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/openhermes-2p5-mistral-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/openorca-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/phi-2-3b", 2_048, 2_048, 2_048, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/phi-3-mini-128k-instruct", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/phi-3-vision-128k-instruct", 32_064, 32_064, 32_064, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/phind-code-llama-34b-python-v1", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/phind-code-llama-34b-v1", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/phind-code-llama-34b-v2", 16_384, 16_384, 16_384, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/pythia-12b", 2_048, 2_048, 2_048, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/qwen-qwq-32b-preview", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen-v2p5-14b-instruct", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen-v2p5-7b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/qwen1p5-72b-chat", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2-72b-instruct", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2-7b-instruct", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2-vl-2b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2-vl-72b-instruct", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2-vl-7b-instruct", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-0p5b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-14b", 131_072, 131_072, 131_072, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/qwen2p5-1p5b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-32b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/qwen2p5-32b-instruct", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-72b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/qwen2p5-72b-instruct", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-7b-instruct", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-0p5b", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-0p5b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-14b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-14b-instruct", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-1p5b", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-1p5b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-32b", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-32b-instruct", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-32b-instruct-128k", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-32b-instruct-32k-rope", 32_768, 32_768, 32_768, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-32b-instruct-64k", 65_536, 65_536, 65_536, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-3b", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-3b-instruct", 32_768, 32_768, 32_768, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-coder-7b-instruct", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-math-72b-instruct", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-vl-32b-instruct", 128_000, 128_000, 128_000, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-vl-3b-instruct", 128_000, 128_000, 128_000, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-vl-72b-instruct", 128_000, 128_000, 128_000, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen2p5-vl-7b-instruct", 128_000, 128_000, 128_000, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-0p6b", 40_960, 40_960, 40_960, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/qwen3-14b", 40_960, 40_960, 40_960, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/qwen3-1p7b", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/qwen3-1p7b-fp8-draft", 262_144, 262_144, 262_144, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-1p7b-fp8-draft-131072", 131_072, 131_072, 131_072, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-1p7b-fp8-draft-40960", 40_960, 40_960, 40_960, 0.1, None, 0.1, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-235b-a22b", 131_072, 131_072, 131_072, 0.22, None, 0.88, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-235b-a22b-instruct-2507", 262_144, 262_144, 262_144, 0.22, None, 0.88, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-235b-a22b-thinking-2507", 262_144, 262_144, 262_144, 0.22, None, 0.88, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-30b-a3b", 131_072, 131_072, 131_072, 0.15, None, 0.6, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-30b-a3b-instruct-2507", 262_144, 262_144, 262_144, 0.5, None, 0.5, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-30b-a3b-thinking-2507", 262_144, 262_144, 262_144, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-32b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/qwen3-4b", 40_960, 40_960, 40_960, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/qwen3-4b-instruct-2507", 262_144, 262_144, 262_144, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-8b", 40_960, 40_960, 40_960, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/qwen3-coder-30b-a3b-instruct", 262_144, 262_144, 262_144, 0.15, None, 0.6, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-coder-480b-a35b-instruct", 262_144, 262_144, 262_144, 0.45, None, 1.8, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-coder-480b-instruct-bf16", 262_144, 262_144, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-embedding-0p6b", 32_768, 32_768, 32_768, 0.0, None, 0.0, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-embedding-4b", 40_960, 40_960, 40_960, 0.0, None, 0.0, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-embedding-8b", 40_960, 40_960, 40_960, 0.1, None, 0.0, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-next-80b-a3b-instruct", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-next-80b-a3b-thinking", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-vl-235b-a22b-instruct", 262_144, 262_144, 262_144, 0.22, None, 0.88, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-vl-235b-a22b-thinking", 262_144, 262_144, 262_144, 0.22, None, 0.88, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-vl-30b-a3b-instruct", 262_144, 262_144, 262_144, 0.15, None, 0.6, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-vl-30b-a3b-thinking", 262_144, 262_144, 262_144, 0.15, None, 0.6, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-vl-32b-instruct", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3-vl-8b-instruct", 262_144, 262_144, 4_096, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/qwen3p7-plus", 262_144, 262_144, 65_536, 0.4, 0.08, 1.6, None),
        ("accounts/fireworks/models/qwen3p8-max", 262_144, 262_144, None, 2.0, 0.25, 6.0, None, {"priority": (3.0, 0.375, 9.0)}),  # noqa: E501
        ("accounts/fireworks/models/qwq-32b", 131_072, 131_072, 131_072, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/rolm-ocr", 128_000, 128_000, 128_000, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/snorkel-mistral-7b-pairrm-dpo", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),  # noqa: E501
        ("accounts/fireworks/models/stablecode-3b", 4_096, 4_096, 4_096, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/starcoder-16b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/starcoder-7b", 8_192, 8_192, 8_192, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/starcoder2-15b", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/starcoder2-3b", 16_384, 16_384, 16_384, 0.1, None, 0.1, None),
        ("accounts/fireworks/models/starcoder2-7b", 16_384, 16_384, 16_384, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/toppy-m-7b", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/ultramarine-1-flash-us", 1_048_576, 1_048_576, 1_048_576, 0.15, 0.03, 0.5, None, {"priority": (0.1875, 0.0375, 0.625)}),  # noqa: E501
        ("accounts/fireworks/models/yi-34b", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/yi-34b-200k-capybara", 200_000, 200_000, 200_000, 0.9, None, 0.9, None),  # noqa: E501
        ("accounts/fireworks/models/yi-34b-chat", 4_096, 4_096, 4_096, 0.9, None, 0.9, None),
        ("accounts/fireworks/models/yi-6b", 4_096, 4_096, 4_096, 0.2, None, 0.2, None),
        ("accounts/fireworks/models/yi-large", 32_768, 32_768, 32_768, 3.0, None, 3.0, None),
        ("accounts/fireworks/models/zephyr-7b-beta", 32_768, 32_768, 32_768, 0.2, None, 0.2, None),
        ("accounts/fireworks/routers/deepseek-v4p1-flash-1017-spot", 1_048_576, 1_048_576, 393_216, 0.21, 0.0042, 0.84, None),  # noqa: E501
        ("accounts/fireworks/routers/deepseek-v4p1-flash-1017-ultrafast", 1_048_576, 1_048_576, 393_216, 2.4, 0.048, 9.6, None),  # noqa: E501
        ("accounts/fireworks/routers/deepseek-v4p1-flash-spot", 1_048_576, 1_048_576, 393_216, 0.21, 0.0042, 0.84, None),  # noqa: E501
        ("accounts/fireworks/routers/deepseek-v4p1-flash-us", 1_048_576, 1_048_576, 393_216, 0.45, 0.009, 1.8, None, {"priority": (0.5625, 0.01125, 2.25)}),  # noqa: E501
        ("accounts/fireworks/routers/glm-5p1-fast", 202_800, 202_800, 131_072, 2.8, 0.52, 8.8, None),  # noqa: E501
        ("accounts/fireworks/routers/glm-5p3-fast", 1_048_576, 1_048_576, 1_048_576, 2.1, 0.39, 6.6, None),  # noqa: E501
        ("accounts/fireworks/routers/glm-5p3-spot", 1_048_576, 1_048_576, 128_000, 0.98, 0.182, 3.08, None),  # noqa: E501
        ("accounts/fireworks/routers/glm-5p3-us", 1_048_576, 1_048_576, 128_000, 2.1, 0.39, 6.6, None, {"priority": (2.625, 0.4875, 8.25)}),  # noqa: E501
        ("accounts/fireworks/routers/kimi-k3-fast", 1_048_576, 1_048_576, 131_072, 4.5, 0.45, 22.5, None),  # noqa: E501
        ("accounts/fireworks/routers/kimi-k3-spot", 1_048_576, 1_048_576, 131_072, 2.1, 0.21, 10.5, None),  # noqa: E501
        ("accounts/fireworks/routers/kimi-k3-us", 1_048_576, 1_048_576, 131_072, 4.5, 0.45, 22.5, None, {"priority": (5.625, 0.5625, 28.125)}),  # noqa: E501
        ("deepseek-v4p1-flash", 1_048_576, 1_048_576, 393_216, 0.3, 0.006, 1.2, None, {"priority": (0.375, 0.0075, 1.5)}),  # noqa: E501
        ("deepseek-v4p1-flash-us", 1_048_576, 1_048_576, 393_216, 0.45, 0.009, 1.8, None, {"priority": (0.5625, 0.01125, 2.25)}),  # noqa: E501
        ("glm-4p7", 202_752, 202_752, 202_800, 0.6, 0.3, 2.2, None),
        ("glm-5p1", 202_752, 202_752, 131_072, 1.4, 0.26, 4.4, None),
        ("glm-5p1-fast", 202_800, 202_800, 131_072, 2.8, 0.52, 8.8, None),
        ("glm-5p3", 1_048_576, 1_048_576, 128_000, 1.4, 0.26, 4.4, None, {"priority": (1.75, 0.325, 5.5)}),  # noqa: E501
        ("glm-5p3-fast", 1_048_576, 1_048_576, 1_048_576, 2.1, 0.39, 6.6, None),
        ("glm-5p3-flash", 1_048_576, 1_048_576, 1_048_576, 0.15, 0.03, 0.5, None, {"priority": (0.1875, 0.0375, 0.625)}),  # noqa: E501
        ("glm-5p3-us", 1_048_576, 1_048_576, 128_000, 2.1, 0.39, 6.6, None, {"priority": (2.625, 0.4875, 8.25)}),  # noqa: E501
        ("gpt-oss-20b", 131_072, 131_072, 32_768, 0.07, 0.035, 0.3, None),
        ("kimi-k2p5", 262_144, 262_144, 32_768, 0.6, 0.1, 3.0, None),
        ("kimi-k3", 1_048_576, 1_048_576, 131_072, 3.0, 0.3, 15.0, None, {"priority": (3.75, 0.375, 18.75)}),  # noqa: E501
        ("kimi-k3-fast", 1_048_576, 1_048_576, 131_072, 4.5, 0.45, 22.5, None),
        ("kimi-k3-us", 1_048_576, 1_048_576, 131_072, 4.5, 0.45, 22.5, None, {"priority": (5.625, 0.5625, 28.125)}),  # noqa: E501
        ("minimax-m2p1", 196_608, 196_608, 204_800, 0.3, 0.03, 1.2, None),
        ("minimax-m3", 512_000, 512_000, 512_000, 0.3, 0.06, 1.2, None, {"priority": (0.45, 0.09, 1.8)}),  # noqa: E501
        ("qwen3p7-plus", 262_144, 262_144, 65_536, 0.4, 0.08, 1.6, None),
        ("qwen3p8-max", 262_144, 262_144, None, 2.0, 0.25, 6.0, None, {"priority": (3.0, 0.375, 9.0)}),  # noqa: E501
    ),
    "openrouter": (),
    "ollama": (
        ("codegeex4", None, None, None, 0.0, None, 0.0, None),
        ("deepseek-coder-v2-instruct", None, None, None, 0.0, None, 0.0, None),
        ("deepseek-coder-v2-lite-instruct", None, None, None, 0.0, None, 0.0, None),
        ("deepseek-v3.1:671b-cloud", None, None, None, 0.0, None, 0.0, None),
        ("gpt-oss:120b-cloud", None, None, None, 0.0, None, 0.0, None),
        ("gpt-oss:20b-cloud", None, None, None, 0.0, None, 0.0, None),
        ("internlm2_5-20b-chat", None, None, None, 0.0, None, 0.0, None),
        ("llama2", None, None, None, 0.0, None, 0.0, None),
        ("llama2:13b", None, None, None, 0.0, None, 0.0, None),
        ("llama2:70b", None, None, None, 0.0, None, 0.0, None),
        ("llama2:7b", None, None, None, 0.0, None, 0.0, None),
        ("llama3", None, None, None, 0.0, None, 0.0, None),
        ("llama3.1", None, None, None, 0.0, None, 0.0, None),
        ("llama3:70b", None, None, None, 0.0, None, 0.0, None),
        ("llama3:8b", None, None, None, 0.0, None, 0.0, None),
        ("mistral-7B-Instruct-v0.1", None, None, None, 0.0, None, 0.0, None),
        ("mistral-7B-Instruct-v0.2", None, None, None, 0.0, None, 0.0, None),
        ("mistral-large-instruct-2407", None, None, None, 0.0, None, 0.0, None),
        ("mixtral-8x22B-Instruct-v0.1", None, None, None, 0.0, None, 0.0, None),
        ("mixtral-8x7B-Instruct-v0.1", None, None, None, 0.0, None, 0.0, None),
        ("qwen3-coder:480b-cloud", None, None, None, 0.0, None, 0.0, None),
    ),
}
# --- end of generated model table ---

if __name__ == "__main__":
    main()
