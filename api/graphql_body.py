"""Reading a GraphQL request from an HTTP body, and the 400 answer when it cannot be read.

Strawberry's view answers some malformed requests with a plain-text 400 and others
with a 500: a body of ``null`` or ``42``, bytes that are not UTF-8, JSON nested
thousands deep, a multipart ``operations`` that is not an object or a ``map`` that
names places ``operations`` does not have. These functions refuse every one of them
with a ``RequestBodyError`` whose message says what is wrong and whose code is
stable; the app sends it as a JSON error in the shape of ``api.middleware.send_json_error``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cross_web import HTTPException
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLRequestData

BAD_JSON = "BAD_JSON"  # not a JSON document: empty, not UTF-8, invalid, nested too deeply
BAD_REQUEST = "BAD_REQUEST"  # JSON, but not a GraphQL request: not an object, wrong members
BAD_CONTENT_TYPE = "BAD_CONTENT_TYPE"
# Codes of the view's own refusals, by HTTP status.
STATUS_CODES = {400: BAD_REQUEST, 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
BODY = "the request body"


class RequestBodyError(HTTPException):
    """A request that is not a GraphQL request this server can read."""

    def __init__(self, reason: str, code: str, status_code: int = 400) -> None:
        super().__init__(status_code, reason)
        self.code = code


def error_code(error: HTTPException) -> str:
    """The code of an HTTP error: its own, or one for its status."""
    if isinstance(error, RequestBodyError):
        return error.code
    return STATUS_CODES.get(error.status_code, f"HTTP_{error.status_code}")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _kind(value: object) -> str:
    """What a JSON value is, in words: "null", "a number", "an array" ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def decode_json(data: str | bytes, what: str = BODY) -> object:
    """The JSON document ``data`` holds (UTF-8, strict JSON), or a RequestBodyError."""
    if not data.strip():
        raise RequestBodyError(f"{what} is empty: send a JSON object with a `query`", BAD_JSON)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RequestBodyError(
                f"{what} is not UTF-8 (byte {exc.start} cannot be read)", BAD_JSON
            ) from exc
    try:
        return json.loads(data, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise RequestBodyError(
            f"{what} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", BAD_JSON
        ) from exc
    except RecursionError as exc:
        raise RequestBodyError(f"{what} nests JSON too deeply", BAD_JSON) from exc
    except ValueError as exc:  # NaN, Infinity; an integer of thousands of digits
        raise RequestBodyError(f"{what} is not JSON: {exc}", BAD_JSON) from exc


def _member(data: Mapping[str, Any], name: str, kind: type, kind_text: str) -> Any:
    value = data.get(name)
    if value is not None and not isinstance(value, kind):
        raise RequestBodyError(
            f"`{name}` must be {kind_text} or null, not {_kind(value)}", BAD_REQUEST
        )
    return value


def request_data(data: object, what: str = BODY) -> GraphQLRequestData:
    """The request ``data`` describes: ``{"query", "variables", "operationName", "extensions"}``."""
    if not isinstance(data, dict):
        raise RequestBodyError(
            f"{what} must be a JSON object with a `query`, not {_kind(data)}", BAD_REQUEST
        )
    query = data.get("query")
    if not isinstance(query, str):
        given = "missing" if query is None else _kind(query)
        raise RequestBodyError(
            f"`query` must be a string holding a GraphQL document, not {given}", BAD_REQUEST
        )
    return GraphQLRequestData(
        query=query,
        variables=_member(data, "variables", dict, "an object"),
        operation_name=_member(data, "operationName", str, "a string"),
        extensions=_member(data, "extensions", dict, "an object"),
    )


def graphql_request(body: bytes) -> GraphQLRequestData:
    """The request a JSON body holds."""
    return request_data(decode_json(body))


def _form_json(form: Mapping[str, Any], name: str, default: str) -> object:
    value = form.get(name, default)
    if not isinstance(value, str | bytes):
        raise RequestBodyError(f"`{name}` must be a form field holding JSON", BAD_REQUEST)
    return decode_json(value, f"the multipart field `{name}`")


def upload_operations(form: Mapping[str, Any], files: Mapping[str, Any]) -> dict[str, Any]:
    """The operations of a GraphQL multipart request, its files put where ``map`` says.

    As Strawberry reads them (``replace_placeholders_with_files``), with the fields
    checked first: ``operations`` an object, ``map`` an object of lists of paths.
    """
    operations = _form_json(form, "operations", "{}")
    if not isinstance(operations, dict):
        raise RequestBodyError(
            f"the multipart field `operations` must be an object, not {_kind(operations)}",
            BAD_REQUEST,
        )
    files_map = _form_json(form, "map", "{}")
    if not isinstance(files_map, dict) or not all(
        isinstance(paths, list) and all(isinstance(path, str) for path in paths)
        for paths in files_map.values()
    ):
        raise RequestBodyError(
            'the multipart field `map` must be an object of lists of paths, e.g. {"0": '
            '["variables.file"]}',
            BAD_REQUEST,
        )
    try:
        return replace_placeholders_with_files(operations, files_map, files)
    except KeyError as exc:
        raise RequestBodyError(
            f"`map` names a file or a place in `operations` that is not there ({exc})",
            BAD_REQUEST,
        ) from exc
    except (IndexError, TypeError, ValueError, RecursionError) as exc:
        raise RequestBodyError(
            f"`map` names a place in `operations` that cannot hold a file ({exc})", BAD_REQUEST
        ) from exc
