# Follows openai/openai-python examples/parsing_tools.py (openai.pydantic_function_tool with
# chat.completions.parse), commit e43b422412a9e96c9cc5192c61fffbe2d7e04836; rich.print -> print.
import json
from enum import Enum
from typing import List, Union

from pydantic import BaseModel

import openai
from openai import OpenAI


class Table(str, Enum):
    orders = "orders"
    customers = "customers"
    products = "products"


class Column(str, Enum):
    id = "id"
    status = "status"
    expected_delivery_date = "expected_delivery_date"
    delivered_at = "delivered_at"
    shipped_at = "shipped_at"
    ordered_at = "ordered_at"
    canceled_at = "canceled_at"


class Operator(str, Enum):
    eq = "="
    gt = ">"
    lt = "<"
    le = "<="
    ge = ">="
    ne = "!="


class OrderBy(str, Enum):
    asc = "asc"
    desc = "desc"


class DynamicValue(BaseModel):
    column_name: str


class Condition(BaseModel):
    column: str
    operator: Operator
    value: Union[str, int, DynamicValue]


class Query(BaseModel):
    table_name: Table
    columns: List[Column]
    conditions: List[Condition]
    order_by: OrderBy


tool = openai.pydantic_function_tool(Query)
print(json.dumps(tool, indent=2))
print(openai.pydantic_function_tool(DynamicValue, name="dyn", description="A column reference."))

client = OpenAI()

completion = client.chat.completions.parse(
    model="gpt-4o-2024-08-06",
    messages=[
        {"role": "system", "content": "You are a helpful assistant. The current date is August 6, 2024. "
                                      "You help users query for the data they are looking for by calling the query function."},
        {"role": "user", "content": "look up all my orders in november of last year that were fulfilled but not delivered on time"},
    ],
    tools=[tool],
)

tool_call = (completion.choices[0].message.tool_calls or [])[0]
print(tool_call.function)
assert isinstance(tool_call.function.parsed_arguments, Query)
print(tool_call.function.parsed_arguments.table_name)
print(json.loads(tool_call.function.arguments)["order_by"])
