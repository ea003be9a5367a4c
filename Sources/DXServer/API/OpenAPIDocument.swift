/// The OpenAPI 3.1 document of the whole API, served at `GET /openapi.json`.
///
/// Kept as the JSON text itself rather than built from Swift values: it is the authoritative
/// description clients and fuzzers (schemathesis) read, so it should be reviewable and
/// editable as exactly what is served. `OpenAPITests` checks it against the router's routes in
/// both directions, so a route added without documenting it (or the reverse) fails the tests;
/// `scripts/validate-openapi.sh` checks it against the OpenAPI 3.1 schema.
///
/// Every route must appear under its router pattern (same `{parameter}` names). A collection
/// route's `.csv` form is listed as its own path as well, so that a fuzzer exercises it.
/// `HEAD` and `OPTIONS` are answered on every path by the service and are not listed.
public enum OpenAPIDocument {
    public static let json: String = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "都城市DX推進計画 open API",
    "version": "1.0.0",
    "summary": "Miyakonojo City's (都城市) DX promotion plan, FY2022–2025, as open data.",
    "description": "The open HTTP JSON API of Miyakonojo City's DX promotion plan (都城市DX推進計画), basic plan volume (基本計画): its basic concepts (基本的考え方), three basic policies (基本方針) and 29 measures (取組), the smart-city principles, the promotion structure (推進体制), the background timeline (背景), the citizen surveys (市民意識調査) and the implementation-plan projects (個別事業) under the measures.\n\nConventions:\n- JSON is UTF-8 (`application/json; charset=utf-8`). A single resource is the bare object; a collection is `{\"data\": [...], \"meta\": {\"total\", \"count\", \"limit\", \"next_cursor\"}}`, paged with `?limit=` (1–500, default 50) and `?cursor=`, with a `Link: <…>; rel=\"next\"` header while more pages exist.\n- Every collection is also CSV: append `.csv` to the path or send `Accept: text/csv`; `?bom=1` adds a UTF-8 BOM.\n- Errors are RFC 9457 `application/problem+json` documents (`type`, `title`, `status`, `detail`, `instance`); a 422 lists each bad field in `errors`.\n- Public GETs carry a strong `ETag` and answer `If-None-Match` with 304; bodies are gzip-compressed when the client sends `Accept-Encoding: gzip` (`Vary: Accept-Encoding`). `HEAD` is answered wherever `GET` is.\n- CORS: any origin may read; preflight `OPTIONS` is answered on every path.\n- Every response carries `X-Request-Id`.\n- Writes need an admin token: `Authorization: Bearer TOKEN`; without a valid one, 401 with `WWW-Authenticate: Bearer`.\n\nText from the plan is served exactly as written in the source (full-width characters included), never paraphrased or translated.\n\nRequests (every path):\n- Paths are matched on their raw segments: `%2F` is data inside a segment; a dot-segment (`.`, `..`, `%2E`) is a 400; an empty segment (`//`, a trailing `/`) names nothing (404).\n- A method no resource implements is 501; one implemented on other resources but not this one is 405 with `Allow`. `HEAD` is answered wherever `GET` is, `OPTIONS` everywhere.\n- HTTP/1.1 needs exactly one valid `Host` (RFC 9112 §3.2), else 400. A singleton header field (`Content-Type`, `Authorization`, `Idempotency-Key`, `If-Modified-Since`, …) sent twice with different values is a 400; a list field (`Accept`, `Accept-Encoding`, `If-Match`, `If-None-Match`, …) sent on several lines is one list.\n- Query and path parameters with a control character (U+0000–U+001F, U+007F) are a 400 naming the parameter; every query parameter is checked against its schema here, and a value outside it is a 400 naming it. Parameters not listed for an operation are ignored.\n- Bodies are JSON in UTF-8 (a leading BOM is ignored): other encodings, invalid UTF-8 and a member name given twice in one object (at any depth) are 400.\n- Preconditions (RFC 9110 §13) on every operation, in the RFC's order; a failure is 412 (304 for GET/HEAD on `If-None-Match`/`If-Modified-Since`) and nothing is written. A write without a valid token is 401 whatever its preconditions.\n- Limits of the connection, answered before any route: a request body larger than `--max-body` (1 MiB by default) is 413; a header section slower than `--header-timeout`, or a body slower than `--min-body-rate` (240 B/s after a 5-s grace by default), is 408 and the connection closes. With `Expect: 100-continue`, an answer already known from the head (401 without a Bearer token, 404, 405, 415, 501) is sent instead of `100 Continue`.\n- A busy database is a 503 with `Retry-After` on any operation that reads or writes it.",
    "license": {
      "name": "CC BY 4.0 (data)",
      "identifier": "CC-BY-4.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "system",
      "description": "Probes, metrics and this document."
    },
    {
      "name": "plan",
      "description": "The basic plan (基本計画): read-only."
    },
    {
      "name": "projects",
      "description": "Implementation-plan projects (個別事業) and their progress."
    },
    {
      "name": "surveys",
      "description": "Citizen surveys (市民意識調査)."
    },
    {
      "name": "catalog",
      "description": "The DCAT catalog of the published datasets."
    }
  ],
  "paths": {
    "/healthz": {
      "get": {
        "operationId": "getHealth",
        "summary": "Liveness",
        "tags": [
          "system"
        ],
        "responses": {
          "200": {
            "description": "The process is up.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          }
        ]
      }
    },
    "/readyz": {
      "get": {
        "operationId": "getReadiness",
        "summary": "Readiness: the database is open and migrated",
        "tags": [
          "system"
        ],
        "responses": {
          "200": {
            "description": "Ready.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          }
        ]
      }
    },
    "/metrics": {
      "get": {
        "operationId": "getMetrics",
        "summary": "Prometheus metrics",
        "tags": [
          "system"
        ],
        "responses": {
          "200": {
            "description": "Prometheus text exposition format 0.0.4: requests by route and status, latency histogram, open connections, cache hits.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          }
        ]
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "getOpenAPI",
        "summary": "This OpenAPI document",
        "tags": [
          "system"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "This OpenAPI document",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "An OpenAPI 3.1 document."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1": {
      "get": {
        "operationId": "getIndex",
        "summary": "API index: links to every collection",
        "tags": [
          "plan"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "API index: links to every collection",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Index"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/plan": {
      "get": {
        "operationId": "getPlan",
        "summary": "Plan metadata (都城市DX推進計画)",
        "tags": [
          "plan"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "Plan metadata (都城市DX推進計画)",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Plan"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/concepts": {
      "get": {
        "operationId": "listConcepts",
        "summary": "The 6 basic concepts (基本的考え方)",
        "tags": [
          "plan"
        ],
        "description": "A paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 6 basic concepts (基本的考え方) (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ConceptCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/concepts.csv": {
      "get": {
        "operationId": "listConceptsCsv",
        "summary": "The 6 basic concepts (基本的考え方) (CSV)",
        "tags": [
          "plan"
        ],
        "description": "The CSV representation of `/api/v1/concepts`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 6 basic concepts (基本的考え方) as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/policies": {
      "get": {
        "operationId": "listPolicies",
        "summary": "The 3 basic policies (基本方針)",
        "tags": [
          "plan"
        ],
        "description": "A paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 3 basic policies (基本方針) (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PolicyCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/policies.csv": {
      "get": {
        "operationId": "listPoliciesCsv",
        "summary": "The 3 basic policies (基本方針) (CSV)",
        "tags": [
          "plan"
        ],
        "description": "The CSV representation of `/api/v1/policies`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 3 basic policies (基本方針) as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/policies/{id}": {
      "get": {
        "operationId": "getPolicy",
        "summary": "One basic policy with its measures",
        "tags": [
          "plan"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/policyId"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "One basic policy with its measures",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PolicyDetail"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/measures": {
      "get": {
        "operationId": "listMeasures",
        "summary": "The 29 measures (取組)",
        "tags": [
          "plan"
        ],
        "description": "`q` searches the titles; Japanese terms of any length match.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/policyFilter"
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 29 measures (取組) (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MeasureCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/measures.csv": {
      "get": {
        "operationId": "listMeasuresCsv",
        "summary": "The 29 measures (取組) (CSV)",
        "tags": [
          "plan"
        ],
        "description": "The CSV representation of `/api/v1/measures`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/policyFilter"
          },
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 29 measures (取組) as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/measures/{code}": {
      "get": {
        "operationId": "getMeasure",
        "summary": "One measure with its projects and status counts",
        "tags": [
          "plan"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/measureCode"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "One measure with its projects and status counts",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MeasureDetail"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/principles": {
      "get": {
        "operationId": "listPrinciples",
        "summary": "The 5 smart-city principles",
        "tags": [
          "plan"
        ],
        "description": "A paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 5 smart-city principles (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PrincipleCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/principles.csv": {
      "get": {
        "operationId": "listPrinciplesCsv",
        "summary": "The 5 smart-city principles (CSV)",
        "tags": [
          "plan"
        ],
        "description": "The CSV representation of `/api/v1/principles`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The 5 smart-city principles as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/timeline": {
      "get": {
        "operationId": "listTimeline",
        "summary": "Background events (背景)",
        "tags": [
          "plan"
        ],
        "description": "A paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scope"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "Background events (背景) (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineEventCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/timeline.csv": {
      "get": {
        "operationId": "listTimelineCsv",
        "summary": "Background events (背景) (CSV)",
        "tags": [
          "plan"
        ],
        "description": "The CSV representation of `/api/v1/timeline`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/scope"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "Background events (背景) as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/governance": {
      "get": {
        "operationId": "getGovernance",
        "summary": "The promotion structure (推進体制)",
        "tags": [
          "plan"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "The promotion structure (推進体制)",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Governance"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects": {
      "get": {
        "operationId": "listProjects",
        "summary": "Implementation-plan projects (個別事業)",
        "tags": [
          "projects"
        ],
        "description": "Archived projects are not listed. Filters combine (AND).\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path.\n\nWithout `limit`, the CSV is streamed (`Transfer-Encoding: chunked`, RFC 9112 §7.1) from the database in pieces: it has no `ETag` and no `Content-Length`, and is never held whole in memory. An error after the status has been sent ends the connection without the last chunk, so a client sees a truncated message, never a short file that looks complete. HTTP/1.0 clients get the body ended by the connection's close.",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectMeasure"
          },
          {
            "$ref": "#/components/parameters/projectPolicy"
          },
          {
            "$ref": "#/components/parameters/projectStatus"
          },
          {
            "$ref": "#/components/parameters/department"
          },
          {
            "$ref": "#/components/parameters/fiscalYear"
          },
          {
            "$ref": "#/components/parameters/projectQ"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/updatedSince"
          },
          {
            "$ref": "#/components/parameters/projectFacets"
          }
        ],
        "responses": {
          "200": {
            "description": "Implementation-plan projects (個別事業) (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "operationId": "createProject",
        "summary": "Create a project",
        "tags": [
          "projects"
        ],
        "description": "The creation is the first row of the project's history. The project starts `planned` (see `ProjectCreate`). With an `Idempotency-Key`, a retry of the same request returns the first answer (with `Idempotent-Replayed: true`) instead of creating a second project.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Idempotency-Key"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProjectCreate"
              }
            }
          },
          "description": "Sent as `application/json` (any `application/*+json` type is accepted too)."
        },
        "responses": {
          "201": {
            "description": "Created; or, with `Idempotent-Replayed: true`, the stored answer of the earlier request with the same `Idempotency-Key` and body.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/Idempotent-Replayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Project"
                }
              }
            }
          },
          "400": {
            "description": "The body is not valid JSON or not a JSON object, or the `Idempotency-Key` header is empty or longer than 255 bytes (`header` names it).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "415": {
            "$ref": "#/components/responses/ProjectUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/ProjectCreateUnprocessable"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects.csv": {
      "get": {
        "operationId": "listProjectsCsv",
        "summary": "Implementation-plan projects (個別事業) (CSV)",
        "tags": [
          "projects"
        ],
        "description": "The CSV representation of `/api/v1/projects`: the whole filtered collection unless `limit` is given.\n\nWithout `limit`, the CSV is streamed (`Transfer-Encoding: chunked`, RFC 9112 §7.1) from the database in pieces: it has no `ETag` and no `Content-Length`, and is never held whole in memory. An error after the status has been sent ends the connection without the last chunk, so a client sees a truncated message, never a short file that looks complete. HTTP/1.0 clients get the body ended by the connection's close.",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectMeasure"
          },
          {
            "$ref": "#/components/parameters/projectPolicy"
          },
          {
            "$ref": "#/components/parameters/projectStatus"
          },
          {
            "$ref": "#/components/parameters/department"
          },
          {
            "$ref": "#/components/parameters/fiscalYear"
          },
          {
            "$ref": "#/components/parameters/projectQ"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/updatedSince"
          },
          {
            "$ref": "#/components/parameters/projectFacets"
          }
        ],
        "responses": {
          "200": {
            "description": "Implementation-plan projects (個別事業) as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects/{id}": {
      "get": {
        "operationId": "getProject",
        "summary": "One project",
        "tags": [
          "projects"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/If-Unmodified-Since"
          }
        ],
        "responses": {
          "200": {
            "description": "The project.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Project"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "patch": {
        "operationId": "updateProject",
        "summary": "Update a project (JSON merge patch)",
        "tags": [
          "projects"
        ],
        "description": "RFC 7396 merge patch, sent as `application/merge-patch+json` or `application/json`. With `If-Match`, a stale ETag gets 412 and nothing changes. A status change outside the transition table gets 409 naming the current status and the allowed targets. An archived project is 410. `note` is kept in the history.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Unmodified-Since"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/ProjectPatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProjectPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated project (unchanged, same `ETag`, when the patch changed nothing).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Project"
                }
              }
            }
          },
          "400": {
            "description": "The body is not valid JSON or not a JSON object.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "The status transition is not allowed (`current`, `requested`, `allowed`); nothing was changed.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/TransitionProblem"
                }
              }
            }
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "415": {
            "$ref": "#/components/responses/ProjectUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "delete": {
        "operationId": "archiveProject",
        "summary": "Archive a project",
        "tags": [
          "projects"
        ],
        "description": "Archives the project: it leaves the listings and counts and answers 410 from then on; its history stays readable. The body is optional: `{\"note\": \"…\"}` is kept with the history row, and no other member is accepted (422). With `If-Match`, a stale ETag gets 412 and nothing changes. Archiving an archived project is 410.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Unmodified-Since"
          }
        ],
        "responses": {
          "204": {
            "description": "Archived.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            }
          },
          "400": {
            "description": "The body is not valid JSON or not a JSON object.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "415": {
            "$ref": "#/components/responses/ProjectUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        },
        "requestBody": {
          "required": false,
          "description": "Optional. When a body is sent it must be a JSON object declared as `application/json` (or another `application/*+json` type).",
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProjectArchive"
              }
            }
          }
        }
      }
    },
    "/api/v1/projects/{id}/history": {
      "get": {
        "operationId": "listProjectHistory",
        "summary": "Every change to a project",
        "tags": [
          "projects"
        ],
        "description": "Who (the token's name), when, what changed (old and new value per field) and the note. Oldest first; readable after the project is archived (the archive is its last row).\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path.\n\nWithout `limit`, the CSV is streamed (`Transfer-Encoding: chunked`, RFC 9112 §7.1) from the database in pieces: it has no `ETag` and no `Content-Length`, and is never held whole in memory. An error after the status has been sent ends the connection without the last chunk, so a client sees a truncated message, never a short file that looks complete. HTTP/1.0 clients get the body ended by the connection's close.",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/historyAction"
          },
          {
            "$ref": "#/components/parameters/historyActor"
          },
          {
            "$ref": "#/components/parameters/historyFacets"
          }
        ],
        "responses": {
          "200": {
            "description": "Every change to a project (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProjectHistoryEntryCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "description": "There is no project with this id (archived ones still have their history).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects/{id}/history.csv": {
      "get": {
        "operationId": "listProjectHistoryCsv",
        "summary": "Every change to a project (CSV)",
        "tags": [
          "projects"
        ],
        "description": "The CSV representation of `/api/v1/projects/{id}/history`: the whole filtered collection unless `limit` is given.\n\nWithout `limit`, the CSV is streamed (`Transfer-Encoding: chunked`, RFC 9112 §7.1) from the database in pieces: it has no `ETag` and no `Content-Length`, and is never held whole in memory. An error after the status has been sent ends the connection without the last chunk, so a client sees a truncated message, never a short file that looks complete. HTTP/1.0 clients get the body ended by the connection's close.",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/historyAction"
          },
          {
            "$ref": "#/components/parameters/historyActor"
          },
          {
            "$ref": "#/components/parameters/historyFacets"
          }
        ],
        "responses": {
          "200": {
            "description": "Every change to a project as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "description": "There is no project with this id (archived ones still have their history).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/progress": {
      "get": {
        "operationId": "getProgress",
        "summary": "Progress roll-up per policy and per measure",
        "tags": [
          "projects"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "Progress roll-up per policy and per measure",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Progress"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys": {
      "get": {
        "operationId": "listSurveys",
        "summary": "Citizen surveys (市民意識調査)",
        "tags": [
          "surveys"
        ],
        "description": "A paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "Citizen surveys (市民意識調査) (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "operationId": "createSurvey",
        "summary": "Add a survey",
        "tags": [
          "surveys"
        ],
        "description": "Validated as a whole: counts within respondents, profile sums matching; a 422 lists every problem.",
        "security": [
          {
            "bearer": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SurveyInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        },
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          }
        ]
      }
    },
    "/api/v1/surveys.csv": {
      "get": {
        "operationId": "listSurveysCsv",
        "summary": "Citizen surveys (市民意識調査) (CSV)",
        "tags": [
          "surveys"
        ],
        "description": "The CSV representation of `/api/v1/surveys`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "Citizen surveys (市民意識調査) as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}": {
      "get": {
        "operationId": "getSurvey",
        "summary": "One survey",
        "tags": [
          "surveys"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "One survey",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Survey"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/respondents": {
      "get": {
        "operationId": "listSurveyRespondents",
        "summary": "Respondent profile by gender and age",
        "tags": [
          "surveys"
        ],
        "description": "A paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/dimension"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "Respondent profile by gender and age (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProfileEntryCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/respondents.csv": {
      "get": {
        "operationId": "listSurveyRespondentsCsv",
        "summary": "Respondent profile by gender and age (CSV)",
        "tags": [
          "surveys"
        ],
        "description": "The CSV representation of `/api/v1/surveys/{id}/respondents`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/dimension"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "Respondent profile by gender and age as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/questions": {
      "get": {
        "operationId": "listSurveyQuestions",
        "summary": "A survey's questions with option statistics",
        "tags": [
          "surveys"
        ],
        "description": "Ratios are count / respondents, unrounded; `ci95` is the Wilson score interval. The CSV has one row per option (and the no-answer row), not per question.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "A survey's questions with option statistics (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyQuestionCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/questions.csv": {
      "get": {
        "operationId": "listSurveyQuestionsCsv",
        "summary": "A survey's questions with option statistics (CSV)",
        "tags": [
          "surveys"
        ],
        "description": "The CSV representation of `/api/v1/surveys/{id}/questions`: the whole filtered collection unless `limit` is given.",
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "A survey's questions with option statistics as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/questions/{n}": {
      "get": {
        "operationId": "getSurveyQuestion",
        "summary": "One question",
        "tags": [
          "surveys"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/questionNumber"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The question (with `Accept: text/csv`, its options as CSV).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SurveyQuestion"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/questions/{n}.csv": {
      "get": {
        "operationId": "getSurveyQuestionCsv",
        "summary": "One question's options (CSV)",
        "tags": [
          "surveys"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/questionNumber"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          }
        ],
        "responses": {
          "200": {
            "description": "The question's options as RFC 4180 CSV (header row present, UTF-8).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Content-Disposition": {
                "$ref": "#/components/headers/Content-Disposition"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/surveys/{id}/questions/{n}/chart.svg": {
      "get": {
        "operationId": "getSurveyQuestionChart",
        "summary": "One question as a bar chart",
        "tags": [
          "surveys"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/surveyId"
          },
          {
            "$ref": "#/components/parameters/questionNumber"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "An SVG bar chart of the options' ratios with their 95 % intervals.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "image/svg+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/catalog": {
      "get": {
        "operationId": "getCatalog",
        "summary": "DCAT catalog of every published dataset (JSON-LD)",
        "description": "A dcat:Catalog as JSON-LD (W3C DCAT 3 with DCAT-AP's choices, as ckanext-dcat harvests): one dcat:Dataset per published dataset (plan, concepts, policies, measures, principles, timeline, governance, projects, project history, progress, surveys, and each stored survey's questions and respondents), with titles and descriptions in Japanese and English, keywords, dct:temporal, dct:spatial (http://data.e-stat.go.jp/lod/sac/C45202), dct:modified, the publisher 都城市 (foaf:Organization, dct:identifier 452025), dct:license CC BY 4.0 with a dct:rights note on its compatibility with 公共データ利用規約 (PDL1.0), the contact point from the server's --contact-name/--contact-email (vcard:hasURL when no email is configured), and a dcat:Distribution per format with absolute dcat:accessURL/dcat:downloadURL built from the server's --public-url or the request's Host.",
        "tags": [
          "catalog"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "The catalog",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/ld+json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "@context",
                    "@id",
                    "@type",
                    "dct:title",
                    "dct:publisher",
                    "dct:license",
                    "dcat:dataset"
                  ],
                  "properties": {
                    "@context": {
                      "type": "object"
                    },
                    "@id": {
                      "type": "string"
                    },
                    "@type": {
                      "const": "dcat:Catalog"
                    },
                    "dct:title": {
                      "type": "array",
                      "minItems": 2,
                      "description": "The same text in Japanese and English (JSON-LD value objects).",
                      "items": {
                        "type": "object",
                        "required": [
                          "@value",
                          "@language"
                        ],
                        "properties": {
                          "@value": {
                            "type": "string"
                          },
                          "@language": {
                            "type": "string",
                            "enum": [
                              "ja",
                              "en"
                            ]
                          }
                        }
                      }
                    },
                    "dct:description": {
                      "type": "array",
                      "minItems": 2,
                      "description": "The same text in Japanese and English (JSON-LD value objects).",
                      "items": {
                        "type": "object",
                        "required": [
                          "@value",
                          "@language"
                        ],
                        "properties": {
                          "@value": {
                            "type": "string"
                          },
                          "@language": {
                            "type": "string",
                            "enum": [
                              "ja",
                              "en"
                            ]
                          }
                        }
                      }
                    },
                    "dct:publisher": {
                      "type": "object",
                      "required": [
                        "@id",
                        "@type",
                        "foaf:name",
                        "dct:identifier"
                      ],
                      "properties": {
                        "@type": {
                          "const": "foaf:Organization"
                        },
                        "foaf:name": {
                          "type": "array",
                          "minItems": 2,
                          "description": "The same text in Japanese and English (JSON-LD value objects).",
                          "items": {
                            "type": "object",
                            "required": [
                              "@value",
                              "@language"
                            ],
                            "properties": {
                              "@value": {
                                "type": "string"
                              },
                              "@language": {
                                "type": "string",
                                "enum": [
                                  "ja",
                                  "en"
                                ]
                              }
                            }
                          }
                        },
                        "dct:identifier": {
                          "type": "string",
                          "examples": [
                            "452025"
                          ],
                          "description": "全国地方公共団体コード (local government code)."
                        }
                      }
                    },
                    "dct:license": {
                      "type": "object",
                      "required": [
                        "@id"
                      ],
                      "properties": {
                        "@id": {
                          "type": "string",
                          "format": "uri-reference"
                        }
                      }
                    },
                    "dcat:contactPoint": {
                      "type": "object",
                      "required": [
                        "@id",
                        "@type",
                        "vcard:fn"
                      ],
                      "properties": {
                        "@type": {
                          "const": "vcard:Kind"
                        },
                        "vcard:fn": {
                          "type": "string"
                        },
                        "vcard:hasEmail": {
                          "type": "object",
                          "required": [
                            "@id"
                          ],
                          "properties": {
                            "@id": {
                              "type": "string",
                              "format": "uri-reference"
                            }
                          }
                        },
                        "vcard:hasURL": {
                          "type": "object",
                          "required": [
                            "@id"
                          ],
                          "properties": {
                            "@id": {
                              "type": "string",
                              "format": "uri-reference"
                            }
                          }
                        }
                      }
                    },
                    "dcat:dataset": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "@id",
                          "@type",
                          "dct:identifier",
                          "dct:title",
                          "dct:description",
                          "dcat:keyword",
                          "dct:publisher",
                          "dcat:contactPoint",
                          "dct:license",
                          "dct:spatial",
                          "dcat:distribution"
                        ],
                        "properties": {
                          "@id": {
                            "type": "string"
                          },
                          "@type": {
                            "const": "dcat:Dataset"
                          },
                          "dct:identifier": {
                            "type": "string",
                            "examples": [
                              "measures",
                              "survey-15-questions"
                            ]
                          },
                          "dct:title": {
                            "type": "array",
                            "minItems": 2,
                            "description": "The same text in Japanese and English (JSON-LD value objects).",
                            "items": {
                              "type": "object",
                              "required": [
                                "@value",
                                "@language"
                              ],
                              "properties": {
                                "@value": {
                                  "type": "string"
                                },
                                "@language": {
                                  "type": "string",
                                  "enum": [
                                    "ja",
                                    "en"
                                  ]
                                }
                              }
                            }
                          },
                          "dct:description": {
                            "type": "array",
                            "minItems": 2,
                            "description": "The same text in Japanese and English (JSON-LD value objects).",
                            "items": {
                              "type": "object",
                              "required": [
                                "@value",
                                "@language"
                              ],
                              "properties": {
                                "@value": {
                                  "type": "string"
                                },
                                "@language": {
                                  "type": "string",
                                  "enum": [
                                    "ja",
                                    "en"
                                  ]
                                }
                              }
                            }
                          },
                          "dcat:keyword": {
                            "type": "array",
                            "items": {
                              "type": "object",
                              "required": [
                                "@value",
                                "@language"
                              ],
                              "properties": {
                                "@value": {
                                  "type": "string"
                                },
                                "@language": {
                                  "type": "string",
                                  "enum": [
                                    "ja",
                                    "en"
                                  ]
                                }
                              }
                            }
                          },
                          "dct:modified": {
                            "type": "object",
                            "required": [
                              "@value",
                              "@type"
                            ],
                            "description": "Latest change to the dataset's data: xsd:dateTime (plan content: the latest migration's time; projects, policies, measures, progress: also the latest project write; history: the latest history row) or xsd:date (surveys: the end of the survey's fieldwork).",
                            "properties": {
                              "@value": {
                                "type": "string"
                              },
                              "@type": {
                                "type": "string",
                                "enum": [
                                  "xsd:dateTime",
                                  "xsd:date"
                                ]
                              }
                            }
                          },
                          "dct:temporal": {
                            "type": "object",
                            "description": "dct:PeriodOfTime: the plan's fiscal years (2022-04-01 to 2026-03-31), a survey's fieldwork period, or for the survey list the span of all surveys' fieldwork.",
                            "required": [
                              "@type",
                              "dcat:startDate",
                              "dcat:endDate"
                            ]
                          },
                          "dct:publisher": {
                            "type": "object",
                            "required": [
                              "@id"
                            ],
                            "properties": {
                              "@id": {
                                "type": "string",
                                "format": "uri-reference"
                              }
                            }
                          },
                          "dcat:contactPoint": {
                            "type": "object",
                            "required": [
                              "@id"
                            ],
                            "properties": {
                              "@id": {
                                "type": "string",
                                "format": "uri-reference"
                              }
                            }
                          },
                          "dct:license": {
                            "type": "object",
                            "required": [
                              "@id"
                            ],
                            "properties": {
                              "@id": {
                                "type": "string",
                                "format": "uri-reference"
                              }
                            }
                          },
                          "dct:spatial": {
                            "type": "object",
                            "required": [
                              "@id"
                            ],
                            "properties": {
                              "@id": {
                                "type": "string",
                                "format": "uri-reference"
                              }
                            }
                          },
                          "dcat:distribution": {
                            "type": "array",
                            "minItems": 1,
                            "items": {
                              "type": "object",
                              "required": [
                                "@id",
                                "@type",
                                "dct:title",
                                "dcat:accessURL",
                                "dcat:mediaType",
                                "dct:format",
                                "dct:license"
                              ],
                              "properties": {
                                "@id": {
                                  "type": "string"
                                },
                                "@type": {
                                  "const": "dcat:Distribution"
                                },
                                "dct:title": {
                                  "type": "array",
                                  "minItems": 2,
                                  "description": "The same text in Japanese and English (JSON-LD value objects).",
                                  "items": {
                                    "type": "object",
                                    "required": [
                                      "@value",
                                      "@language"
                                    ],
                                    "properties": {
                                      "@value": {
                                        "type": "string"
                                      },
                                      "@language": {
                                        "type": "string",
                                        "enum": [
                                          "ja",
                                          "en"
                                        ]
                                      }
                                    }
                                  }
                                },
                                "dcat:accessURL": {
                                  "type": "object",
                                  "required": [
                                    "@id"
                                  ],
                                  "properties": {
                                    "@id": {
                                      "type": "string",
                                      "format": "uri-reference"
                                    }
                                  }
                                },
                                "dcat:downloadURL": {
                                  "type": "object",
                                  "required": [
                                    "@id"
                                  ],
                                  "properties": {
                                    "@id": {
                                      "type": "string",
                                      "format": "uri-reference"
                                    }
                                  }
                                },
                                "dcat:mediaType": {
                                  "type": "object",
                                  "required": [
                                    "@id"
                                  ],
                                  "properties": {
                                    "@id": {
                                      "type": "string",
                                      "format": "uri-reference"
                                    }
                                  },
                                  "description": "IANA media type IRI: …/application/json or …/text/csv."
                                },
                                "dct:format": {
                                  "type": "object",
                                  "required": [
                                    "@id"
                                  ],
                                  "properties": {
                                    "@id": {
                                      "type": "string",
                                      "format": "uri-reference"
                                    }
                                  },
                                  "description": "EU file-type authority IRI (JSON, CSV)."
                                },
                                "dct:license": {
                                  "type": "object",
                                  "required": [
                                    "@id"
                                  ],
                                  "properties": {
                                    "@id": {
                                      "type": "string",
                                      "format": "uri-reference"
                                    }
                                  }
                                }
                              }
                            },
                            "description": "JSON, and CSV for every collection."
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects/{id}/evaluations": {
      "get": {
        "operationId": "listEvaluations",
        "summary": "A project's evaluations",
        "tags": [
          "projects"
        ],
        "description": "A project's periodic evaluations (達成状況): `rating` A–D with its Japanese `rating_label`, the period with its 令和 label. An archived project is 410.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path (`?header=ja` for Japanese column labels).",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "A project's evaluations (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EvaluationCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "post": {
        "operationId": "createEvaluation",
        "summary": "Evaluate a project for a period",
        "tags": [
          "projects"
        ],
        "description": "One evaluation per project and period: a second one is a 409 naming the existing one (correct it with PATCH). The period must lie within the project's fiscal years. `evaluated_by` is the token's name. Written together with a row of the project's history (changes named `evaluations.PERIOD.rating` and `.comment`).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/Idempotency-Key"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EvaluationCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created; or, with `Idempotent-Replayed: true`, the stored answer of the earlier request with the same `Idempotency-Key` and body.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/Idempotent-Replayed"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evaluation"
                }
              }
            }
          },
          "409": {
            "description": "The project already has an evaluation for this period (`existing` names it).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "415": {
            "$ref": "#/components/responses/ProjectUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          },
          "400": {
            "description": "The body is not valid JSON or not a JSON object, or a header is malformed.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/projects/{id}/evaluations.csv": {
      "get": {
        "operationId": "listEvaluationsCSV",
        "summary": "A project's evaluations as CSV",
        "tags": [
          "projects"
        ],
        "description": "A project's periodic evaluations (達成状況): `rating` A–D with its Japanese `rating_label`, the period with its 令和 label. An archived project is 410.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path (`?header=ja` for Japanese column labels).",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "A project's evaluations as CSV (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects/{id}/evaluations/{period}": {
      "get": {
        "operationId": "getEvaluation",
        "summary": "One evaluation",
        "tags": [
          "projects"
        ],
        "description": "With a strong `ETag` (send it as `If-Match` to correct the evaluation) and `Last-Modified`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/evaluationPeriod"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "The evaluation.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evaluation"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "patch": {
        "operationId": "correctEvaluation",
        "summary": "Correct an evaluation",
        "tags": [
          "projects"
        ],
        "description": "Changes `rating` and/or `comment`. `If-Match` with the current ETag is required (428 without it; 412 when stale, nothing written). `note` goes to the history. A correction that changes nothing writes nothing.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/evaluationPeriod"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Unmodified-Since"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EvaluationPatch"
              }
            },
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/EvaluationPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The corrected evaluation.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Evaluation"
                }
              }
            }
          },
          "428": {
            "description": "No If-Match: a correction must name the version it corrects.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "415": {
            "$ref": "#/components/responses/ProjectUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          },
          "400": {
            "description": "The body is not valid JSON or not a JSON object, or a header is malformed.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/projects/{id}/budget": {
      "get": {
        "operationId": "listBudget",
        "summary": "A project's budget per fiscal year",
        "tags": [
          "projects"
        ],
        "description": "A project's budget per fiscal year: `planned_yen` (予算) and `actual_yen` (決算, null until settled), whole yen. An archived project is 410.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path (`?header=ja` for Japanese column labels).",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "A project's budget per fiscal year (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BudgetEntryCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects/{id}/budget.csv": {
      "get": {
        "operationId": "listBudgetCSV",
        "summary": "A project's budget as CSV",
        "tags": [
          "projects"
        ],
        "description": "A project's budget per fiscal year: `planned_yen` (予算) and `actual_yen` (決算, null until settled), whole yen. An archived project is 410. The CSV is also what `dxserve import budget` reads.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path (`?header=ja` for Japanese column labels).",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "A project's budget as CSV (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/projects/{id}/budget/{fiscal_year}": {
      "get": {
        "operationId": "getBudgetYear",
        "summary": "A project's budget for one fiscal year",
        "tags": [
          "projects"
        ],
        "description": "With a strong `ETag` and `Last-Modified`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/budgetFiscalYear"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "The year's budget.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BudgetEntry"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      },
      "put": {
        "operationId": "putBudgetYear",
        "summary": "Set a project's budget for one fiscal year",
        "tags": [
          "projects"
        ],
        "description": "Idempotent: the body is the year's whole budget. 201 (with `Location`) when it creates the year, 200 when it replaces it (a PUT of the same values writes nothing). The year must lie within the project's fiscal years. `If-Match` replaces only the version given (412 otherwise); `If-None-Match: *` only creates. Written together with a row of the project's history (changes named `budget.YEAR.planned_yen`, `.actual_yen`, `.note`).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/projectId"
          },
          {
            "$ref": "#/components/parameters/budgetFiscalYear"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Unmodified-Since"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/BudgetPut"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Replaced.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BudgetEntry"
                }
              }
            }
          },
          "201": {
            "description": "Created.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BudgetEntry"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "415": {
            "$ref": "#/components/responses/ProjectUnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          },
          "400": {
            "description": "The body is not valid JSON or not a JSON object, or a header is malformed.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/budget": {
      "get": {
        "operationId": "listBudgetTotals",
        "summary": "Budget totals by policy and measure",
        "tags": [
          "projects"
        ],
        "description": "Budget totals by basic policy and by measure for each fiscal year, over live projects: planned yen, settled actual yen (null when none is settled), and how many projects are budgeted and settled.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path (`?header=ja` for Japanese column labels).",
        "parameters": [
          {
            "$ref": "#/components/parameters/budgetTotalsYear"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "Budget totals by policy and measure (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BudgetTotalCollection"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV with a header row, UTF-8."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    },
    "/api/v1/budget.csv": {
      "get": {
        "operationId": "listBudgetTotalsCSV",
        "summary": "Budget totals as CSV",
        "tags": [
          "projects"
        ],
        "description": "Budget totals by basic policy and by measure for each fiscal year, over live projects: planned yen, settled actual yen (null when none is settled), and how many projects are budgeted and settled.\n\nA paged collection; also CSV with `Accept: text/csv` or the `.csv` path (`?header=ja` for Japanese column labels).",
        "parameters": [
          {
            "$ref": "#/components/parameters/budgetTotalsYear"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/bom"
          },
          {
            "$ref": "#/components/parameters/csvHeader"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Match"
          }
        ],
        "responses": {
          "200": {
            "description": "Budget totals as CSV (with `Accept: text/csv`, the CSV representation).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/X-Request-Id"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "406": {
            "$ref": "#/components/responses/NotAcceptable"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Problem"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Problem": {
        "type": "object",
        "description": "An RFC 9457 problem document. Every 4xx and 5xx response uses it; members beyond these are extensions of particular problems.",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri-reference",
            "description": "A URI reference naming the problem type, relative to the API (for example `/problems/not-found`), or `about:blank`."
          },
          "title": {
            "type": "string",
            "description": "A short summary of the problem type."
          },
          "status": {
            "type": "integer",
            "minimum": 100,
            "maximum": 599,
            "description": "The HTTP status code."
          },
          "detail": {
            "type": "string",
            "description": "What went wrong with this request, for a human."
          },
          "instance": {
            "type": "string",
            "format": "uri-reference",
            "description": "The request path the problem occurred on."
          },
          "parameter": {
            "type": "string",
            "description": "For a 400 caused by one query parameter: its name."
          }
        }
      },
      "FieldError": {
        "type": "object",
        "required": [
          "field",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "description": "The bad member, as a path into the body (`kpi.target`, `questions[0].options[2].count`)."
          },
          "message": {
            "type": "string",
            "description": "What is wrong with it."
          }
        }
      },
      "ValidationProblem": {
        "description": "422: the body was well-formed JSON but some members are invalid; every bad field is listed.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "required": [
              "errors"
            ],
            "properties": {
              "status": {
                "const": 422
              },
              "errors": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/FieldError"
                },
                "minItems": 1
              }
            }
          }
        ]
      },
      "TransitionProblem": {
        "description": "409 on a project update: the status change is not in the transition table. `current` is the project's status, `requested` the one asked for, `allowed` the statuses it can move to from `current`. Nothing was changed.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "required": [
              "type",
              "current",
              "requested",
              "allowed"
            ],
            "properties": {
              "type": {
                "const": "/problems/forbidden-transition"
              },
              "status": {
                "const": 409
              },
              "current": {
                "$ref": "#/components/schemas/ProjectStatus"
              },
              "requested": {
                "$ref": "#/components/schemas/ProjectStatus"
              },
              "allowed": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ProjectStatus"
                }
              }
            }
          }
        ]
      },
      "ConflictProblem": {
        "description": "409 on a create: a resource with this identity exists already (for a survey, a taken `id` or `edition`).",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "properties": {
              "status": {
                "const": 409
              },
              "field": {
                "type": "string",
                "description": "The member whose value is taken (`id` or `edition`)."
              },
              "value": {
                "type": "integer",
                "description": "The taken value."
              }
            }
          }
        ]
      },
      "CollectionMeta": {
        "type": "object",
        "description": "Paging information; future versions may add members (such as `facets`).",
        "required": [
          "total",
          "count",
          "limit"
        ],
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Items in the whole filtered collection."
          },
          "count": {
            "type": "integer",
            "minimum": 0,
            "description": "Items on this page."
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 500,
            "description": "The page size used."
          },
          "next_cursor": {
            "type": "string",
            "description": "Present when more pages exist: pass it as `?cursor=` to get the next page (the `Link: rel=\"next\"` header holds the whole URL)."
          },
          "facets": {
            "type": "object",
            "description": "Present when `?facets=` was given: for each requested field, its values in the field's natural order.",
            "additionalProperties": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/FacetValue"
              }
            }
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          }
        }
      },
      "Readiness": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ready"
          }
        }
      },
      "Index": {
        "type": "object",
        "description": "The API's entry point: links to every collection.",
        "required": [
          "title",
          "version",
          "links"
        ],
        "properties": {
          "title": {
            "type": "string",
            "examples": [
              "都城市DX推進計画 open API"
            ]
          },
          "version": {
            "type": "string",
            "examples": [
              "v1"
            ]
          },
          "openapi": {
            "type": "string",
            "examples": [
              "/openapi.json"
            ],
            "description": "Where this OpenAPI document is served."
          },
          "license": {
            "type": "string",
            "examples": [
              "CC BY 4.0"
            ]
          },
          "links": {
            "type": "object",
            "description": "Collection name → its path.",
            "additionalProperties": {
              "type": "string",
              "format": "uri-reference"
            }
          }
        }
      },
      "TimelineEvent": {
        "type": "object",
        "description": "A dated step in the plan's background (背景).",
        "required": [
          "date",
          "scope",
          "title"
        ],
        "properties": {
          "date": {
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}$",
            "examples": [
              "2016-12"
            ],
            "description": "Year and month."
          },
          "scope": {
            "type": "string",
            "enum": [
              "national",
              "city"
            ],
            "description": "`national` (国の動向) or `city` (本市の取組)."
          },
          "title": {
            "type": "string"
          }
        }
      },
      "Plan": {
        "type": "object",
        "description": "The plan's metadata.",
        "required": [
          "title",
          "subtitle",
          "purpose",
          "positioning",
          "period",
          "background"
        ],
        "properties": {
          "title": {
            "type": "string",
            "examples": [
              "都城市DX推進計画"
            ]
          },
          "subtitle": {
            "type": "string"
          },
          "volume": {
            "type": "string",
            "examples": [
              "基本計画"
            ],
            "description": "Which volume this is (基本計画)."
          },
          "purpose": {
            "type": "string",
            "description": "趣旨; paragraphs separated by a blank line."
          },
          "positioning": {
            "type": "string",
            "description": "計画の位置づけ."
          },
          "period": {
            "type": "object",
            "required": [
              "start_fiscal_year",
              "end_fiscal_year"
            ],
            "properties": {
              "start_fiscal_year": {
                "type": "integer",
                "examples": [
                  2022
                ]
              },
              "end_fiscal_year": {
                "type": "integer",
                "examples": [
                  2025
                ]
              },
              "start_label": {
                "type": "string"
              },
              "end_label": {
                "type": "string"
              },
              "note": {
                "type": "string"
              }
            }
          },
          "background": {
            "type": "object",
            "description": "背景: the timeline's events grouped by scope.",
            "required": [
              "national",
              "city"
            ],
            "properties": {
              "national": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TimelineEvent"
                }
              },
              "city": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TimelineEvent"
                }
              }
            }
          }
        }
      },
      "Concept": {
        "type": "object",
        "description": "One of the six basic concepts (基本的考え方).",
        "required": [
          "id",
          "question",
          "statement"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 6
          },
          "question": {
            "type": "string",
            "description": "The `～…～` heading, tildes included."
          },
          "statement": {
            "type": "string"
          }
        }
      },
      "StatusCounts": {
        "type": "object",
        "description": "Live (not archived) projects by status; every status is present.",
        "required": [
          "planned",
          "in_progress",
          "completed",
          "on_hold",
          "cancelled"
        ],
        "properties": {
          "planned": {
            "type": "integer",
            "minimum": 0
          },
          "in_progress": {
            "type": "integer",
            "minimum": 0
          },
          "completed": {
            "type": "integer",
            "minimum": 0
          },
          "on_hold": {
            "type": "integer",
            "minimum": 0
          },
          "cancelled": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Policy": {
        "type": "object",
        "description": "One of the three basic policies (基本方針).",
        "required": [
          "id",
          "title",
          "goal",
          "measure_count",
          "project_count",
          "status_counts"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 3
          },
          "title": {
            "type": "string"
          },
          "goal": {
            "type": "string"
          },
          "measure_count": {
            "type": "integer",
            "minimum": 0
          },
          "project_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Live projects under the policy's measures."
          },
          "status_counts": {
            "$ref": "#/components/schemas/StatusCounts"
          }
        }
      },
      "Measure": {
        "type": "object",
        "description": "A measure (取組) under a basic policy.",
        "required": [
          "code",
          "policy_id",
          "title",
          "project_count",
          "position",
          "status_counts"
        ],
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[0-9]+-[0-9]+$",
            "examples": [
              "1-7"
            ],
            "description": "`<policy>-<position>`."
          },
          "policy_id": {
            "type": "integer",
            "minimum": 1
          },
          "position": {
            "type": "integer",
            "minimum": 1,
            "description": "Order within the policy, from 1."
          },
          "title": {
            "type": "string"
          },
          "project_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Live (not archived) projects filed under this measure."
          },
          "status_counts": {
            "$ref": "#/components/schemas/StatusCounts"
          }
        }
      },
      "PolicyDetail": {
        "description": "A policy with its measures: the policy's own members plus `measures`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Policy"
          },
          {
            "type": "object",
            "required": [
              "measures"
            ],
            "properties": {
              "measures": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Measure"
                }
              }
            }
          }
        ]
      },
      "MeasureDetail": {
        "description": "One measure, with its live projects and their counts by status.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Measure"
          },
          {
            "type": "object",
            "properties": {
              "projects": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Project"
                },
                "description": "The measure's live (not archived) projects, by id."
              }
            },
            "required": [
              "projects"
            ]
          }
        ]
      },
      "Principle": {
        "type": "object",
        "description": "One of the five smart-city principles.",
        "required": [
          "name",
          "interpretation"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "name": {
            "type": "string",
            "description": "In English, as in the seed."
          },
          "interpretation": {
            "type": "string",
            "description": "The city's interpretation."
          }
        }
      },
      "Governance": {
        "type": "object",
        "description": "The promotion structure (推進体制).",
        "required": [
          "bodies"
        ],
        "properties": {
          "bodies": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "name",
                "description",
                "roles",
                "members",
                "duties"
              ],
              "properties": {
                "id": {
                  "type": "integer"
                },
                "name": {
                  "type": "string",
                  "examples": [
                    "都城市デジタル統括本部"
                  ]
                },
                "description": {
                  "type": "string"
                },
                "roles": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "title",
                      "holder"
                    ],
                    "properties": {
                      "title": {
                        "type": "string"
                      },
                      "holder": {
                        "type": "string"
                      }
                    }
                  },
                  "description": "Named posts, e.g. 最高デジタル責任者（CDO） held by 市長."
                },
                "members": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  },
                  "description": "Ordinary members (委員), by post."
                },
                "duties": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "number",
                      "marker",
                      "text"
                    ],
                    "properties": {
                      "number": {
                        "type": "integer",
                        "minimum": 1
                      },
                      "marker": {
                        "type": "string",
                        "examples": [
                          "①"
                        ],
                        "description": "The circled numeral of the source."
                      },
                      "text": {
                        "type": "string"
                      }
                    }
                  },
                  "description": "What the body deliberates."
                }
              }
            }
          }
        }
      },
      "ProjectStatus": {
        "type": "string",
        "enum": [
          "planned",
          "in_progress",
          "completed",
          "on_hold",
          "cancelled"
        ],
        "description": "planned (未着手), in_progress (実施中), completed (完了), on_hold (休止), cancelled (中止). Allowed transitions: planned → in_progress, on_hold, cancelled; in_progress → completed, on_hold, cancelled; on_hold → in_progress, cancelled; completed → in_progress; cancelled → planned."
      },
      "KPI": {
        "type": "object",
        "description": "A project's key performance indicator.",
        "required": [
          "name",
          "unit",
          "target"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "unit": {
            "type": "string"
          },
          "target": {
            "type": "number"
          },
          "actual": {
            "type": [
              "number",
              "null"
            ],
            "description": "Null until something has been measured."
          }
        }
      },
      "Project": {
        "type": "object",
        "description": "An implementation-plan project (個別事業).",
        "required": [
          "id",
          "measure_code",
          "title",
          "description",
          "department",
          "status",
          "status_label",
          "progress",
          "start_fiscal_year",
          "end_fiscal_year",
          "kpi",
          "policy_id",
          "version",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "measure_code": {
            "type": "string",
            "examples": [
              "1-7"
            ]
          },
          "policy_id": {
            "type": "integer",
            "description": "The policy of the project's measure."
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "department": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/ProjectStatus"
          },
          "status_label": {
            "type": "string",
            "enum": [
              "未着手",
              "実施中",
              "完了",
              "休止",
              "中止"
            ]
          },
          "progress": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100
          },
          "start_fiscal_year": {
            "type": "integer"
          },
          "end_fiscal_year": {
            "type": "integer"
          },
          "kpi": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/KPI"
              },
              {
                "type": "null"
              }
            ]
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          },
          "archived_at": {
            "type": "string",
            "format": "date-time",
            "description": "Only ever set on an archived project, which the API answers with 410 rather than showing."
          },
          "version": {
            "type": "integer",
            "minimum": 1,
            "description": "Grows by one with every write; the ETag follows it."
          }
        }
      },
      "ProjectCreate": {
        "type": "object",
        "description": "The body of `POST /api/v1/projects`. A new project starts `planned`: `status` may be left out or sent as `planned`, any other status is a 422 (change it with PATCH afterwards). `id`, `policy_id`, `status_label`, `version`, `created_at`, `updated_at` and `archived_at` are set by the server: sending any of them, or any member not listed here, is a 422. Every bad member is listed in one 422. Text lengths are counted in Unicode scalar values; `title` and `department` must not be blank.",
        "required": [
          "measure_code",
          "title",
          "department",
          "start_fiscal_year",
          "end_fiscal_year"
        ],
        "properties": {
          "measure_code": {
            "type": "string",
            "examples": [
              "1-7"
            ],
            "description": "One of the 29 measure codes (`1-1` … `3-8`); anything else is a 422.",
            "enum": [
              "1-1",
              "1-2",
              "1-3",
              "1-4",
              "1-5",
              "1-6",
              "1-7",
              "1-8",
              "1-9",
              "1-10",
              "1-11",
              "2-1",
              "2-2",
              "2-3",
              "2-4",
              "2-5",
              "2-6",
              "2-7",
              "2-8",
              "2-9",
              "2-10",
              "3-1",
              "3-2",
              "3-3",
              "3-4",
              "3-5",
              "3-6",
              "3-7",
              "3-8"
            ]
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space. At most 200 characters (Unicode code points)."
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 10000,
            "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). At most 10,000 characters. Defaults to empty; null means empty.",
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"
          },
          "department": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space. At most 100 characters."
          },
          "status": {
            "type": "string",
            "enum": [
              "planned"
            ],
            "default": "planned",
            "description": "Only `planned`: a new project always starts there. Any other status is a 422."
          },
          "progress": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "default": 0,
            "description": "Defaults to 0. A whole number (`10`, `10.0` and `1e1` are the same); `10.5` is a 422."
          },
          "start_fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100,
            "examples": [
              2022
            ],
            "description": "2000 to 2100. A whole number (`10`, `10.0` and `1e1` are the same); `10.5` is a 422."
          },
          "end_fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100,
            "examples": [
              2025
            ],
            "description": "2000 to 2100, not before `start_fiscal_year`. A whole number (`10`, `10.0` and `1e1` are the same); `10.5` is a 422."
          },
          "kpi": {
            "description": "Defaults to null.",
            "oneOf": [
              {
                "type": "object",
                "description": "A whole KPI: `name` and `target` are required; `unit` defaults to empty, `actual` to null.",
                "required": [
                  "name",
                  "target"
                ],
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                    "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space. At most 100 characters."
                  },
                  "unit": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 100,
                    "description": "One line: no control character (U+0000–U+001F, U+007F). At most 100 characters; null means empty.",
                    "pattern": "^[^\\u0000-\\u001F\\u007F]*$"
                  },
                  "target": {
                    "type": "number",
                    "minimum": -1000000000000000.0,
                    "maximum": 1000000000000000.0,
                    "description": "A finite number from -1e15 to 1e15 (every integer in the range is exact)."
                  },
                  "actual": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": -1000000000000000.0,
                    "maximum": 1000000000000000.0,
                    "description": "A finite number from -1e15 to 1e15 (every integer in the range is exact). Null clears it."
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). At most 2,000 characters. Kept with the history row of this write; not a project field. Null is the same as leaving it out.",
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"
          }
        },
        "additionalProperties": false
      },
      "ProjectPatch": {
        "type": "object",
        "description": "A JSON merge patch (RFC 7396) of a project: members left out stay as they are; null clears `description` (to empty) and `kpi`, and is a 422 on any other field. `id`, `policy_id`, `status_label`, `version`, `created_at`, `updated_at` and `archived_at` are set by the server: sending any of them, or any member not listed here, is a 422. Every bad member is listed in one 422. A patch that changes nothing answers 200 with the project unchanged (same `version`, no history row).",
        "properties": {
          "measure_code": {
            "type": "string",
            "examples": [
              "1-7"
            ],
            "description": "One of the 29 measure codes (`1-1` … `3-8`); anything else is a 422.",
            "enum": [
              "1-1",
              "1-2",
              "1-3",
              "1-4",
              "1-5",
              "1-6",
              "1-7",
              "1-8",
              "1-9",
              "1-10",
              "1-11",
              "2-1",
              "2-2",
              "2-3",
              "2-4",
              "2-5",
              "2-6",
              "2-7",
              "2-8",
              "2-9",
              "2-10",
              "3-1",
              "3-2",
              "3-3",
              "3-4",
              "3-5",
              "3-6",
              "3-7",
              "3-8"
            ]
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space. At most 200 characters (Unicode code points)."
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 10000,
            "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). At most 10,000 characters. Null empties it.",
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"
          },
          "department": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space. At most 100 characters."
          },
          "status": {
            "$ref": "#/components/schemas/ProjectStatus",
            "description": "Must be the current status or one the transition table allows from it; any other move is a 409 (`TransitionProblem`)."
          },
          "progress": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "description": "A whole number (`10`, `10.0` and `1e1` are the same); `10.5` is a 422."
          },
          "start_fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100,
            "examples": [
              2022
            ],
            "description": "2000 to 2100. A whole number (`10`, `10.0` and `1e1` are the same); `10.5` is a 422."
          },
          "end_fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100,
            "examples": [
              2025
            ],
            "description": "2000 to 2100, not before `start_fiscal_year` (after the patch). A whole number (`10`, `10.0` and `1e1` are the same); `10.5` is a 422."
          },
          "kpi": {
            "description": "Merged into the current KPI; null removes it.",
            "oneOf": [
              {
                "type": "object",
                "description": "Merged into the current KPI member by member (RFC 7396): members given replace, `unit: null` empties the unit, `actual: null` clears it. `name` and `target` cannot be null, and are required when the project has no KPI yet.",
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                    "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space. At most 100 characters."
                  },
                  "unit": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "maxLength": 100,
                    "pattern": "^[^\\u0000-\\u001F\\u007F]*$",
                    "description": "One line: no control character (U+0000–U+001F, U+007F). At most 100 characters; null means empty."
                  },
                  "target": {
                    "type": "number",
                    "minimum": -1000000000000000.0,
                    "maximum": 1000000000000000.0,
                    "description": "A finite number from -1e15 to 1e15 (every integer in the range is exact)."
                  },
                  "actual": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": -1000000000000000.0,
                    "maximum": 1000000000000000.0,
                    "description": "A finite number from -1e15 to 1e15 (every integer in the range is exact). Null clears it."
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). At most 2,000 characters. Kept with the history row of this write; not a project field. Null is the same as leaving it out.",
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"
          }
        },
        "additionalProperties": false
      },
      "FieldChange": {
        "type": "object",
        "required": [
          "old",
          "new"
        ],
        "properties": {
          "old": {
            "description": "The value before (null on create, and for `archived_at` on archive)."
          },
          "new": {
            "description": "The value after."
          }
        },
        "description": "One field's change: values as the project shows them (string, integer, number, KPI object or null)."
      },
      "ProjectHistoryEntry": {
        "type": "object",
        "description": "One write to a project.",
        "required": [
          "id",
          "project_id",
          "at",
          "actor",
          "action",
          "changes",
          "note"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "project_id": {
            "type": "integer"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "type": "string",
            "description": "The name of the admin token that made the write (never the token)."
          },
          "action": {
            "type": "string",
            "enum": [
              "create",
              "update",
              "archive"
            ]
          },
          "changes": {
            "type": "object",
            "description": "Field name → its old and new value: only the fields that changed. A create lists every field with `old` null; an archive lists `archived_at`.",
            "additionalProperties": {
              "$ref": "#/components/schemas/FieldChange"
            }
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "description": "The write's `note`, or null."
          }
        }
      },
      "Progress": {
        "type": "object",
        "description": "Roll-up of the live projects per policy and per measure.",
        "required": [
          "policies",
          "measures"
        ],
        "properties": {
          "policies": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "title",
                "project_count",
                "status_counts",
                "mean_progress",
                "ratings",
                "budget"
              ],
              "properties": {
                "id": {
                  "type": "integer"
                },
                "title": {
                  "type": "string"
                },
                "project_count": {
                  "type": "integer",
                  "minimum": 0
                },
                "status_counts": {
                  "$ref": "#/components/schemas/StatusCounts"
                },
                "mean_progress": {
                  "type": [
                    "number",
                    "null"
                  ],
                  "minimum": 0,
                  "maximum": 100,
                  "description": "Mean progress (0–100) of the live projects, rounded to one decimal place; null when there are none."
                },
                "ratings": {
                  "$ref": "#/components/schemas/RatingCounts"
                },
                "budget": {
                  "type": "array",
                  "description": "Planned and actual yen per fiscal year (oldest first), summed over the live projects.",
                  "items": {
                    "$ref": "#/components/schemas/YearBudget"
                  }
                }
              }
            }
          },
          "measures": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "code",
                "policy_id",
                "title",
                "project_count",
                "status_counts",
                "mean_progress",
                "ratings",
                "budget"
              ],
              "properties": {
                "code": {
                  "type": "string"
                },
                "policy_id": {
                  "type": "integer"
                },
                "title": {
                  "type": "string"
                },
                "project_count": {
                  "type": "integer",
                  "minimum": 0
                },
                "status_counts": {
                  "$ref": "#/components/schemas/StatusCounts"
                },
                "mean_progress": {
                  "type": [
                    "number",
                    "null"
                  ],
                  "minimum": 0,
                  "maximum": 100,
                  "description": "Mean progress (0–100) of the live projects, rounded to one decimal place; null when there are none."
                },
                "ratings": {
                  "$ref": "#/components/schemas/RatingCounts"
                },
                "budget": {
                  "type": "array",
                  "description": "Planned and actual yen per fiscal year (oldest first), summed over the live projects.",
                  "items": {
                    "$ref": "#/components/schemas/YearBudget"
                  }
                }
              }
            }
          }
        }
      },
      "SurveyPeriod": {
        "type": "object",
        "required": [
          "start",
          "end",
          "label"
        ],
        "properties": {
          "start": {
            "type": "string",
            "format": "date"
          },
          "end": {
            "type": "string",
            "format": "date",
            "description": "Inclusive."
          },
          "label": {
            "type": "string",
            "description": "As printed, e.g. 令和3年（2021年）6月8日（火）～7月16日（金）."
          }
        }
      },
      "Survey": {
        "type": "object",
        "description": "A citizen survey (市民意識調査).",
        "required": [
          "id",
          "edition",
          "title",
          "fiscal_year",
          "sample_size",
          "respondents",
          "response_rate",
          "method",
          "period",
          "area"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "examples": [
              15
            ]
          },
          "edition": {
            "type": "integer",
            "examples": [
              15
            ],
            "description": "The survey's number (第15回)."
          },
          "title": {
            "type": "string"
          },
          "fiscal_year": {
            "type": "integer",
            "examples": [
              2021
            ]
          },
          "fiscal_year_label": {
            "type": "string",
            "examples": [
              "令和3年度"
            ]
          },
          "summary": {
            "type": "string"
          },
          "area": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "sample_size": {
            "type": "integer",
            "examples": [
              3000
            ],
            "minimum": 1
          },
          "respondents": {
            "type": "integer",
            "examples": [
              1201
            ],
            "minimum": 0
          },
          "response_rate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "respondents / sample_size, unrounded."
          },
          "method": {
            "type": "string"
          },
          "period": {
            "$ref": "#/components/schemas/SurveyPeriod"
          }
        }
      },
      "ProfileEntry": {
        "type": "object",
        "description": "One row of the respondent profile.",
        "required": [
          "dimension",
          "label",
          "count",
          "ratio"
        ],
        "properties": {
          "dimension": {
            "type": "string",
            "enum": [
              "gender",
              "age"
            ]
          },
          "label": {
            "type": "string",
            "examples": [
              "男性"
            ]
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "ratio": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "count / respondents, unrounded."
          }
        }
      },
      "ConfidenceInterval": {
        "type": "array",
        "items": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "minItems": 2,
        "maxItems": 2,
        "description": "A 95 % Wilson score interval `[low, high]`."
      },
      "SurveyOption": {
        "type": "object",
        "required": [
          "number",
          "label",
          "count",
          "ratio",
          "ci95"
        ],
        "properties": {
          "number": {
            "type": "integer",
            "minimum": 1
          },
          "label": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "ratio": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "count / respondents, unrounded."
          },
          "ci95": {
            "$ref": "#/components/schemas/ConfidenceInterval"
          },
          "rank": {
            "type": "integer",
            "minimum": 1,
            "description": "1 for the most chosen option; ties share a rank."
          }
        }
      },
      "SurveyNoAnswer": {
        "type": "object",
        "description": "The 無回答 row.",
        "required": [
          "label",
          "count",
          "ratio"
        ],
        "properties": {
          "label": {
            "type": "string",
            "examples": [
              "無回答"
            ]
          },
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "ratio": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          }
        }
      },
      "CityResponse": {
        "type": "object",
        "description": "The city's stated response to one of a question's top answers.",
        "required": [
          "rank",
          "heading",
          "text",
          "items"
        ],
        "properties": {
          "rank": {
            "type": "integer",
            "minimum": 1
          },
          "heading": {
            "type": "string",
            "description": "As printed in the source."
          },
          "text": {
            "type": "string"
          },
          "option_number": {
            "type": [
              "integer",
              "null"
            ],
            "description": "The option the heading refers to, when known."
          },
          "items": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "SurveyQuestion": {
        "type": "object",
        "description": "A question with statistics derived from its counts.",
        "required": [
          "number",
          "text",
          "multiple_answers",
          "options"
        ],
        "properties": {
          "number": {
            "type": "integer",
            "minimum": 1
          },
          "text": {
            "type": "string"
          },
          "multiple_answers": {
            "type": "boolean",
            "description": "When true, ratios across options may sum to more than 1."
          },
          "respondents": {
            "type": "integer",
            "minimum": 0,
            "description": "The denominator of every ratio."
          },
          "options": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyOption"
            }
          },
          "no_answer": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/SurveyNoAnswer"
              },
              {
                "type": "null"
              }
            ]
          },
          "responses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CityResponse"
            }
          }
        }
      },
      "SurveyInput": {
        "type": "object",
        "description": "The body of `POST /api/v1/surveys`: a survey in the served shape, counts only. Ratios, intervals, ranks and the response rate are derived, not accepted. Every number has the range given on it; integers are whole numbers (`10.0` is 10, `10.5` is a 422). Text refuses control characters (U+0000–U+001F, U+007F); only `summary` and `questions[].responses[].text` are multi-line and may hold TAB, LF and CR. Rules between members (counts within `respondents`, sums, unique numbers, the fiscal year holding `period.start`, `period.end` not before `period.start`) are stated on the members; breaking any is a 422 naming it. Members not listed are ignored.",
        "required": [
          "id",
          "edition",
          "title",
          "fiscal_year",
          "area",
          "target",
          "sample_size",
          "respondents",
          "method",
          "period",
          "profile",
          "questions"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "maximum": 999999999,
            "description": "1 to 999,999,999 (what `GET /api/v1/surveys/{id}` reads). An id already taken is a 409."
          },
          "edition": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9999
          },
          "title": {
            "type": "string",
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
          },
          "fiscal_year": {
            "type": "integer",
            "minimum": 1900,
            "maximum": 9999,
            "description": "A four-digit year; the fiscal year (April to March) that contains `period.start`."
          },
          "fiscal_year_label": {
            "type": [
              "string",
              "null"
            ],
            "description": "One line: no control character (U+0000–U+001F, U+007F). Optional; null is the same as leaving it out (empty).",
            "pattern": "^[^\\u0000-\\u001F\\u007F]*$"
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). Optional; null is the same as leaving it out (empty).",
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"
          },
          "area": {
            "type": "string",
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
          },
          "target": {
            "type": "string",
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
          },
          "sample_size": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100000000
          },
          "respondents": {
            "type": "integer",
            "minimum": 1,
            "description": "At most `sample_size`.",
            "maximum": 100000000
          },
          "method": {
            "type": "string",
            "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
            "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
          },
          "period": {
            "type": "object",
            "properties": {
              "start": {
                "type": "string",
                "format": "date"
              },
              "end": {
                "type": "string",
                "format": "date",
                "description": "Not before `start`."
              },
              "label": {
                "type": "string",
                "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
              }
            },
            "required": [
              "start",
              "end",
              "label"
            ]
          },
          "profile": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "dimension": {
                  "type": "string",
                  "enum": [
                    "gender",
                    "age"
                  ]
                },
                "label": {
                  "type": "string",
                  "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                  "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                },
                "count": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "At most `respondents`.",
                  "maximum": 100000000
                }
              },
              "required": [
                "dimension",
                "label",
                "count"
              ]
            },
            "description": "Respondents by dimension: both `gender` and `age`, labels unique within a dimension, and each dimension's counts sum to `respondents`.",
            "minItems": 2
          },
          "questions": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "number": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 999999999,
                  "description": "1 to 999,999,999 (what `/questions/{n}` reads); unique within the survey."
                },
                "text": {
                  "type": "string",
                  "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                  "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                },
                "multiple_answers": {
                  "type": "boolean"
                },
                "options": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "number": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 9999,
                        "description": "1 to 9,999; unique within the question."
                      },
                      "label": {
                        "type": "string",
                        "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                        "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                      },
                      "count": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "At most `respondents`.",
                        "maximum": 100000000
                      }
                    },
                    "required": [
                      "number",
                      "label",
                      "count"
                    ]
                  },
                  "minItems": 1,
                  "description": "At least one option; `number`s unique. Counts plus `no_answer.count` sum to `respondents` exactly when `multiple_answers` is false, and to at least `respondents` when it is true."
                },
                "no_answer": {
                  "oneOf": [
                    {
                      "type": "object",
                      "properties": {
                        "label": {
                          "type": "string",
                          "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                          "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                        },
                        "count": {
                          "type": "integer",
                          "minimum": 0,
                          "description": "At most `respondents`.",
                          "maximum": 100000000
                        }
                      },
                      "required": [
                        "label",
                        "count"
                      ]
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "responses": {
                  "type": [
                    "array",
                    "null"
                  ],
                  "items": {
                    "type": "object",
                    "properties": {
                      "rank": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 9999
                      },
                      "heading": {
                        "type": "string",
                        "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                        "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                      },
                      "text": {
                        "type": "string",
                        "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$",
                        "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                      },
                      "option_number": {
                        "type": [
                          "integer",
                          "null"
                        ],
                        "description": "When set, the `number` of one of this question's options (1 to 9,999).",
                        "minimum": 1,
                        "maximum": 9999
                      },
                      "items": {
                        "type": [
                          "array",
                          "null"
                        ],
                        "items": {
                          "type": "string",
                          "pattern": "^[^\\u0000-\\u001F\\u007F]*[^\\u0000-\\u001F\\u007F\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000][^\\u0000-\\u001F\\u007F]*$",
                          "description": "One line: no control character (U+0000–U+001F, U+007F). Must contain a character other than white space."
                        }
                      }
                    },
                    "required": [
                      "rank",
                      "heading",
                      "text"
                    ]
                  },
                  "description": "The city's stated responses, if any; null is the same as none."
                }
              },
              "required": [
                "number",
                "text",
                "multiple_answers",
                "options"
              ]
            },
            "minItems": 1,
            "description": "At least one question; `number`s unique."
          }
        }
      },
      "ConceptCollection": {
        "type": "object",
        "description": "The basic concepts.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Concept"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "PolicyCollection": {
        "type": "object",
        "description": "The basic policies.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Policy"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "MeasureCollection": {
        "type": "object",
        "description": "The measures.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Measure"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "PrincipleCollection": {
        "type": "object",
        "description": "The smart-city principles.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Principle"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "TimelineEventCollection": {
        "type": "object",
        "description": "The background timeline.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TimelineEvent"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "ProjectCollection": {
        "type": "object",
        "description": "Live (not archived) projects.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Project"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "ProjectHistoryEntryCollection": {
        "type": "object",
        "description": "A project's history, oldest first.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ProjectHistoryEntry"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "SurveyCollection": {
        "type": "object",
        "description": "The citizen surveys.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Survey"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "ProfileEntryCollection": {
        "type": "object",
        "description": "The respondent profile.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ProfileEntry"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "SurveyQuestionCollection": {
        "type": "object",
        "description": "A survey's questions.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SurveyQuestion"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "GoneProblem": {
        "description": "410: the project was archived. Its history stays readable at `history`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "required": [
              "type",
              "archived_at",
              "history"
            ],
            "properties": {
              "type": {
                "const": "/problems/archived"
              },
              "status": {
                "const": 410
              },
              "archived_at": {
                "type": "string",
                "format": "date-time"
              },
              "history": {
                "type": "string",
                "format": "uri-reference",
                "examples": [
                  "/api/v1/projects/1/history"
                ]
              }
            }
          }
        ]
      },
      "PreconditionProblem": {
        "description": "412: a precondition failed (`precondition` names which); `current_etag` and `last_modified` give the current validators when there are any. Nothing was changed.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "required": [
              "type",
              "precondition"
            ],
            "properties": {
              "type": {
                "const": "/problems/precondition-failed"
              },
              "status": {
                "const": 412
              },
              "precondition": {
                "type": "string",
                "enum": [
                  "If-Match",
                  "If-Unmodified-Since",
                  "If-None-Match",
                  "If-Modified-Since"
                ]
              },
              "current_etag": {
                "type": "string",
                "examples": [
                  "\"p1-v3\""
                ]
              },
              "last_modified": {
                "type": "string",
                "examples": [
                  "Sun, 06 Nov 2022 08:49:37 GMT"
                ]
              }
            }
          }
        ]
      },
      "IdempotencyKeyReusedProblem": {
        "description": "422 on a create: the `Idempotency-Key` was used before (by the same token, within 24 hours) with a different request body. Nothing was created.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "required": [
              "type"
            ],
            "properties": {
              "type": {
                "const": "/problems/idempotency-key-reused"
              },
              "status": {
                "const": 422
              }
            }
          }
        ]
      },
      "ProjectArchive": {
        "type": "object",
        "description": "The optional body of `DELETE /api/v1/projects/{id}`: only a note for the history. Any other member is a 422.",
        "additionalProperties": false,
        "properties": {
          "note": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "description": "Multi-line: TAB, LF and CR allowed; no other control character (U+0000–U+001F, U+007F). At most 2,000 characters. Kept with the history row of this write. Null is the same as leaving it out.",
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$"
          }
        }
      },
      "FacetValue": {
        "type": "object",
        "required": [
          "value",
          "label",
          "count"
        ],
        "properties": {
          "value": {
            "description": "The value as the field's filter parameter takes it.",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ]
          },
          "label": {
            "type": "string",
            "description": "What a person reads: a Japanese label, a title, a fiscal-year label."
          },
          "count": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "NotAcceptableProblem": {
        "description": "406: `Accept` refuses every representation of this resource (after q-values and wildcards, RFC 9110 §12.5.1); `available` lists them.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Problem"
          },
          {
            "type": "object",
            "required": [
              "type",
              "available"
            ],
            "properties": {
              "type": {
                "const": "/problems/not-acceptable"
              },
              "status": {
                "const": 406
              },
              "available": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "examples": [
                  [
                    "application/json",
                    "text/csv"
                  ]
                ]
              }
            }
          }
        ]
      },
      "Evaluation": {
        "type": "object",
        "description": "A periodic evaluation of a project (達成状況の評価); one per project and period.",
        "required": [
          "project_id",
          "period",
          "period_label",
          "fiscal_year",
          "rating",
          "rating_label",
          "comment",
          "evaluated_by",
          "evaluated_at",
          "version",
          "updated_at"
        ],
        "properties": {
          "project_id": {
            "type": "integer",
            "minimum": 1
          },
          "period": {
            "type": "string",
            "pattern": "^[0-9]{4}(H[12])?$",
            "description": "`2023` (a fiscal year) or `2023H1`/`2023H2` (its halves).",
            "examples": [
              "2023H1"
            ]
          },
          "period_label": {
            "type": "string",
            "description": "The period in the Japanese calendar: `令和5年度`, `令和5年度上半期`, `令和5年度下半期`.",
            "examples": [
              "令和5年度上半期"
            ]
          },
          "fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100
          },
          "rating": {
            "type": "string",
            "enum": [
              "A",
              "B",
              "C",
              "D"
            ],
            "description": "A 順調（計画以上）: on or ahead of plan; B 概ね順調: broadly on plan; C やや遅れ: somewhat behind; D 遅れ: behind. The scale and labels are this API's choice (the plan defines none), after the wording Japanese municipalities use in 事務事業評価."
          },
          "rating_label": {
            "type": "string",
            "enum": [
              "順調（計画以上）",
              "概ね順調",
              "やや遅れ",
              "遅れ"
            ]
          },
          "comment": {
            "type": "string",
            "maxLength": 2000,
            "description": "Multi-line text; empty when none."
          },
          "evaluated_by": {
            "type": "string",
            "description": "The name of the admin token that made the evaluation."
          },
          "evaluated_at": {
            "type": "string",
            "format": "date-time"
          },
          "version": {
            "type": "integer",
            "minimum": 1,
            "description": "Bumped by every correction; the ETag is derived from it."
          },
          "updated_at": {
            "type": "string",
            "format": "date-time",
            "description": "When it was last corrected (`evaluated_at` until then)."
          }
        }
      },
      "EvaluationCreate": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "period",
          "rating"
        ],
        "description": "A new evaluation. Every bad member is listed in one 422.",
        "properties": {
          "period": {
            "type": "string",
            "pattern": "^(20[0-9]{2}|2100)(H[12])?$",
            "description": "A fiscal year (`2023`) or one of its halves (`2023H1`, `2023H2`), within the project's fiscal years (start_fiscal_year–end_fiscal_year); otherwise a 422.",
            "examples": [
              "2023H1"
            ]
          },
          "rating": {
            "type": "string",
            "enum": [
              "A",
              "B",
              "C",
              "D"
            ],
            "description": "A 順調（計画以上）: on or ahead of plan; B 概ね順調: broadly on plan; C やや遅れ: somewhat behind; D 遅れ: behind. The scale and labels are this API's choice (the plan defines none), after the wording Japanese municipalities use in 事務事業評価."
          },
          "comment": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$",
            "description": "Multi-line (tab and line breaks allowed); null or absent is empty."
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$",
            "description": "Why; kept in the project's history, not in the evaluation."
          }
        }
      },
      "EvaluationPatch": {
        "type": "object",
        "additionalProperties": false,
        "description": "A correction: `rating` and `comment` given replace; `period` may only repeat the evaluation's own period.",
        "properties": {
          "period": {
            "type": "string",
            "pattern": "^(20[0-9]{2}|2100)(H[12])?$"
          },
          "rating": {
            "type": "string",
            "enum": [
              "A",
              "B",
              "C",
              "D"
            ]
          },
          "comment": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$",
            "description": "Multi-line (tab and line breaks allowed); null or absent is empty."
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$",
            "description": "Why; kept in the project's history, not in the evaluation."
          }
        }
      },
      "EvaluationCollection": {
        "type": "object",
        "description": "A project's evaluations, oldest period first (a year's H1, H2, then the whole year).",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Evaluation"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "BudgetEntry": {
        "type": "object",
        "description": "A project's budget for one fiscal year, in whole yen.",
        "required": [
          "project_id",
          "fiscal_year",
          "fiscal_year_label",
          "planned_yen",
          "actual_yen",
          "note",
          "version",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "project_id": {
            "type": "integer",
            "minimum": 1
          },
          "fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100
          },
          "fiscal_year_label": {
            "type": "string",
            "examples": [
              "令和5年度"
            ]
          },
          "planned_yen": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000000000000,
            "description": "Budgeted (予算額), whole yen, 0 to 1,000,000,000,000."
          },
          "actual_yen": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 1000000000000,
            "description": "Spent (決算額), whole yen; null until the year is settled."
          },
          "note": {
            "type": "string",
            "maxLength": 2000
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "BudgetPut": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "planned_yen"
        ],
        "description": "The fiscal year's whole budget (a PUT replaces it). Every bad member is listed in one 422.",
        "properties": {
          "planned_yen": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000000000000,
            "description": "Whole yen, 0 to 1,000,000,000,000 (one trillion: far above any project's yearly budget)."
          },
          "actual_yen": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 1000000000000,
            "description": "Whole yen; null or absent until the year is settled."
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 2000,
            "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$",
            "description": "Multi-line; stored with the budget."
          }
        }
      },
      "BudgetEntryCollection": {
        "type": "object",
        "description": "A project's budget, oldest fiscal year first.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/BudgetEntry"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "BudgetTotal": {
        "type": "object",
        "description": "One policy's or measure's budget for one fiscal year, summed over its live projects.",
        "required": [
          "fiscal_year",
          "fiscal_year_label",
          "level",
          "policy_id",
          "measure_code",
          "title",
          "planned_yen",
          "actual_yen",
          "project_count",
          "settled_count"
        ],
        "properties": {
          "fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100
          },
          "planned_yen": {
            "type": "integer",
            "minimum": 0
          },
          "actual_yen": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "description": "Sum of the settled actuals; null when none is settled."
          },
          "project_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Live projects with a budget for the year."
          },
          "settled_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Of those, how many are settled (actual_yen set)."
          },
          "fiscal_year_label": {
            "type": "string"
          },
          "level": {
            "type": "string",
            "enum": [
              "policy",
              "measure"
            ]
          },
          "policy_id": {
            "type": "integer"
          },
          "measure_code": {
            "type": [
              "string",
              "null"
            ],
            "description": "Null on a policy row."
          },
          "title": {
            "type": "string"
          }
        }
      },
      "BudgetTotalCollection": {
        "type": "object",
        "description": "For each fiscal year, each policy followed by its measures (plan order), zeros included.",
        "required": [
          "data",
          "meta"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/BudgetTotal"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/CollectionMeta"
          }
        }
      },
      "RatingCounts": {
        "type": "object",
        "description": "Live projects by the rating of their latest evaluation (the last period: a year's H1, H2, then the whole year); `unevaluated` have none.",
        "required": [
          "A",
          "B",
          "C",
          "D",
          "unevaluated"
        ],
        "properties": {
          "A": {
            "type": "integer",
            "minimum": 0
          },
          "B": {
            "type": "integer",
            "minimum": 0
          },
          "C": {
            "type": "integer",
            "minimum": 0
          },
          "D": {
            "type": "integer",
            "minimum": 0
          },
          "unevaluated": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "YearBudget": {
        "type": "object",
        "required": [
          "fiscal_year",
          "planned_yen",
          "actual_yen",
          "project_count",
          "settled_count"
        ],
        "properties": {
          "fiscal_year": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100
          },
          "planned_yen": {
            "type": "integer",
            "minimum": 0
          },
          "actual_yen": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "description": "Sum of the settled actuals; null when none is settled."
          },
          "project_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Live projects with a budget for the year."
          },
          "settled_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Of those, how many are settled (actual_yen set)."
          }
        }
      }
    },
    "parameters": {
      "limit": {
        "name": "limit",
        "in": "query",
        "description": "Page size (default 50). For CSV, the whole filtered collection is returned unless `limit` is given. Any other value is a 400.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50
        }
      },
      "cursor": {
        "name": "cursor",
        "in": "query",
        "description": "Opaque cursor from `meta.next_cursor` of the previous page (base64url without padding). An empty value is the same as none (the first page); any other characters are a 400, and so is a cursor this collection did not issue.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]*$",
          "maxLength": 2048
        }
      },
      "bom": {
        "name": "bom",
        "in": "query",
        "description": "For CSV: `1` adds a UTF-8 byte-order mark so spreadsheet programs read the text as UTF-8; `0` (or leaving it out) does not. Any other value is a 400.",
        "schema": {
          "type": "string",
          "enum": [
            "0",
            "1"
          ]
        }
      },
      "q": {
        "name": "q",
        "in": "query",
        "description": "Search text (Japanese of any length; at most 200 characters, counted as Unicode code points). An empty value matches everything. A control character (U+0000–U+001F, U+007F) or a longer text is a 400.",
        "schema": {
          "type": "string",
          "maxLength": 200,
          "pattern": "^[^\\u0000-\\u001F\\u007F]*$"
        }
      },
      "If-None-Match": {
        "name": "If-None-Match",
        "in": "header",
        "description": "RFC 9110 §13.1.2: tags from earlier reads, or `*`, compared weakly. On GET/HEAD a match is a 304; on a write a match (or `*` while the target exists) is a 412 and nothing changes.",
        "schema": {
          "type": "string"
        }
      },
      "If-Match": {
        "name": "If-Match",
        "in": "header",
        "description": "RFC 9110 §13.1.1: one or more `ETag`s from earlier reads (comma-separated, on one line or several), or `*`. Compared strongly (a weak `W/` tag never matches). When none matches the current representation's `ETag` (or there is none), the request is refused with 412 and nothing changes.",
        "schema": {
          "type": "string"
        }
      },
      "Idempotency-Key": {
        "name": "Idempotency-Key",
        "in": "header",
        "description": "Makes the create safe to retry. Keys belong to the bearer token and are remembered for 24 hours. Repeating the request with the same key and the same body (byte for byte) creates nothing: the answer is the stored status and body of the first one, with its `Location`, the project's first `ETag` and `Idempotent-Replayed: true`. The same key with a different body is a 422 (`/problems/idempotency-key-reused`). An empty key, or one longer than 255 bytes, is a 400. A create that failed stores nothing, so the key can be used again.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255
        }
      },
      "policyId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Basic policy number (1–3).",
        "schema": {
          "type": "integer",
          "examples": [
            1
          ]
        }
      },
      "measureCode": {
        "name": "code",
        "in": "path",
        "required": true,
        "description": "Measure code, `1-1` … `3-8`; any other is a 404 (a control character in it is a 400).",
        "schema": {
          "type": "string",
          "enum": [
            "1-1",
            "1-2",
            "1-3",
            "1-4",
            "1-5",
            "1-6",
            "1-7",
            "1-8",
            "1-9",
            "1-10",
            "1-11",
            "2-1",
            "2-2",
            "2-3",
            "2-4",
            "2-5",
            "2-6",
            "2-7",
            "2-8",
            "2-9",
            "2-10",
            "3-1",
            "3-2",
            "3-3",
            "3-4",
            "3-5",
            "3-6",
            "3-7",
            "3-8"
          ],
          "examples": [
            "1-7"
          ]
        }
      },
      "projectId": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "examples": [
            1
          ]
        },
        "description": "The project id, a positive integer; anything else is a 404."
      },
      "surveyId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Survey id; the 2021 survey is 15.",
        "schema": {
          "type": "integer",
          "examples": [
            15
          ]
        }
      },
      "questionNumber": {
        "name": "n",
        "in": "path",
        "required": true,
        "description": "Question number within the survey.",
        "schema": {
          "type": "integer",
          "examples": [
            1
          ]
        }
      },
      "policyFilter": {
        "name": "policy",
        "in": "query",
        "description": "Only measures of this basic policy. Any other value is a 400.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 99
        }
      },
      "scope": {
        "name": "scope",
        "in": "query",
        "description": "Only events of this scope. Any other value is a 400.",
        "schema": {
          "type": "string",
          "enum": [
            "national",
            "city"
          ]
        }
      },
      "dimension": {
        "name": "dimension",
        "in": "query",
        "description": "Only this dimension of the profile. Any other value is a 400.",
        "schema": {
          "type": "string",
          "enum": [
            "gender",
            "age"
          ]
        }
      },
      "projectMeasure": {
        "name": "measure",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Only projects under these measures: each one of the 29 measure codes (`1-1` … `3-8`); any other value is a 400. Several values match any of them: comma-separated (`a,b`) or the parameter repeated; at most 50 values; an empty item is a 400.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "type": "string",
            "enum": [
              "1-1",
              "1-2",
              "1-3",
              "1-4",
              "1-5",
              "1-6",
              "1-7",
              "1-8",
              "1-9",
              "1-10",
              "1-11",
              "2-1",
              "2-2",
              "2-3",
              "2-4",
              "2-5",
              "2-6",
              "2-7",
              "2-8",
              "2-9",
              "2-10",
              "3-1",
              "3-2",
              "3-3",
              "3-4",
              "3-5",
              "3-6",
              "3-7",
              "3-8"
            ]
          },
          "examples": [
            [
              "1-1",
              "1-2"
            ]
          ]
        }
      },
      "projectPolicy": {
        "name": "policy",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Only projects under these basic policies (1 to 3); any other value is a 400. Several values match any of them: comma-separated (`a,b`) or the parameter repeated; at most 50 values; an empty item is a 400.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "type": "integer",
            "minimum": 1,
            "maximum": 3
          },
          "examples": [
            [
              1,
              2
            ]
          ]
        }
      },
      "projectStatus": {
        "name": "status",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Only projects in these statuses; any other value is a 400. Several values match any of them: comma-separated (`a,b`) or the parameter repeated; at most 50 values; an empty item is a 400.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "$ref": "#/components/schemas/ProjectStatus"
          },
          "examples": [
            [
              "planned",
              "in_progress"
            ]
          ]
        }
      },
      "department": {
        "name": "department",
        "in": "query",
        "style": "form",
        "explode": true,
        "description": "Only projects of these departments (exact match); an empty value or one with a control character (U+0000–U+001F, U+007F) is a 400. A department's name may contain a comma, so this parameter is never split on commas: give several departments by repeating it (`?department=a&department=b`, at most 50).",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "type": "string",
            "minLength": 1,
            "pattern": "^[^\\u0000-\\u001F\\u007F]*$"
          }
        }
      },
      "fiscalYear": {
        "name": "fiscal_year",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Only projects running in any of these fiscal years (start ≤ year ≤ end); a year outside 2000–2100 is a 400. Several values match any of them: comma-separated (`a,b`) or the parameter repeated; at most 50 values; an empty item is a 400.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100
          },
          "examples": [
            [
              2023
            ]
          ]
        }
      },
      "projectQ": {
        "name": "q",
        "in": "query",
        "description": "Search over title, description and department (Japanese of any length). An empty value matches everything. Longer than 200 characters (Unicode code points) or containing a control character (U+0000–U+001F, U+007F) is a 400.",
        "schema": {
          "type": "string",
          "maxLength": 200,
          "pattern": "^[^\\u0000-\\u001F\\u007F]*$"
        }
      },
      "sort": {
        "name": "sort",
        "in": "query",
        "description": "Order; `id` by default. `id` breaks every tie. Any other value is a 400.",
        "schema": {
          "type": "string",
          "enum": [
            "id",
            "title",
            "updated_at",
            "-updated_at"
          ],
          "default": "id"
        }
      },
      "updatedSince": {
        "name": "updated_since",
        "in": "query",
        "description": "Only projects whose `updated_at` is at or after this instant: an RFC 3339 date-time with an offset (`2024-04-01T00:00:00+09:00`, `2024-03-31T15:00:00Z`; write `+` as `%2B`, though a `+` sent as a space is read as `+`). Anything else is a 400. For harvesters polling for changes.",
        "schema": {
          "type": "string",
          "format": "date-time",
          "examples": [
            "2024-04-01T00:00:00+09:00"
          ]
        }
      },
      "projectFacets": {
        "name": "facets",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Adds `meta.facets`: for each named field, its values with a label and the number of projects having it, counted under the current filters except the field's own (so a sidebar can show the alternatives). Labels: status → Japanese label, measure → measure title, policy → policy title, fiscal_year → `2023年度（令和5年度）` (a project counts in every year it runs), department → the name. Values no project has are left out. An unknown name is a 400 naming `facets`.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 5,
          "items": {
            "type": "string",
            "enum": [
              "status",
              "department",
              "fiscal_year",
              "measure",
              "policy"
            ]
          },
          "examples": [
            [
              "status",
              "department"
            ]
          ]
        }
      },
      "historyFacets": {
        "name": "facets",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Adds `meta.facets`: per field, its values with a label and the number of history entries having it, under the current filters except the field's own. Labels: action → 登録/更新/アーカイブ, actor → the token name. An unknown name is a 400 naming `facets`.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 2,
          "items": {
            "type": "string",
            "enum": [
              "action",
              "actor"
            ]
          }
        }
      },
      "historyAction": {
        "name": "action",
        "in": "query",
        "style": "form",
        "explode": false,
        "description": "Only entries of these kinds; any other value is a 400. Several values match any of them: comma-separated (`a,b`) or the parameter repeated; at most 50 values; an empty item is a 400.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "type": "string",
            "enum": [
              "create",
              "update",
              "archive"
            ]
          }
        }
      },
      "historyActor": {
        "name": "actor",
        "in": "query",
        "style": "form",
        "explode": true,
        "description": "Only entries written by these token names (exact match; repeat the parameter for several, never split on commas); an empty value or one with a control character (U+0000–U+001F, U+007F) is a 400.",
        "schema": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "type": "string",
            "minLength": 1,
            "pattern": "^[^\\u0000-\\u001F\\u007F]*$"
          }
        }
      },
      "csvHeader": {
        "name": "header",
        "in": "query",
        "description": "For CSV: the language of the header row. `en` (default): the stable English keys, as in JSON. `ja`: Japanese column labels for spreadsheet users (e.g. projects: 事業ID, 施策コード, 基本方針, 名称, 概要, 担当部署, 状況コード, 状況, 進捗率, 開始年度, 終了年度, KPI名, KPI単位, KPI目標値, KPI実績値, 版, 登録日時, 更新日時; measures: コード, 基本方針, 順番, 名称, 事業数). The rows are the same either way. Any other value is a 400 naming `header`, also on JSON requests.",
        "schema": {
          "type": "string",
          "enum": [
            "en",
            "ja"
          ],
          "default": "en"
        }
      },
      "If-Modified-Since": {
        "name": "If-Modified-Since",
        "in": "header",
        "description": "RFC 9110 §13.1.3: an HTTP-date; on GET/HEAD without `If-None-Match`, 304 when the project's `Last-Modified` is not later. An invalid date is ignored.",
        "schema": {
          "type": "string",
          "examples": [
            "Sun, 06 Nov 2022 08:49:37 GMT"
          ]
        }
      },
      "If-Unmodified-Since": {
        "name": "If-Unmodified-Since",
        "in": "header",
        "description": "RFC 9110 §13.1.4: an HTTP-date; without `If-Match`, 412 when the project's `Last-Modified` is later (nothing changes). An invalid date is ignored.",
        "schema": {
          "type": "string",
          "examples": [
            "Sun, 06 Nov 2022 08:49:37 GMT"
          ]
        }
      },
      "evaluationPeriod": {
        "name": "period",
        "in": "path",
        "required": true,
        "description": "The evaluation's period: a fiscal year (`2023`, April 2023 – March 2024) or one of its halves (`2023H1` April–September, `2023H2` October–March), years 2000–2100. Anything else names nothing (404).",
        "schema": {
          "type": "string",
          "pattern": "^(20[0-9]{2}|2100)(H[12])?$",
          "examples": [
            "2023H1"
          ]
        }
      },
      "budgetFiscalYear": {
        "name": "fiscal_year",
        "in": "path",
        "required": true,
        "description": "The fiscal year (April to March), 2000–2100; anything else is a 404.",
        "schema": {
          "type": "integer",
          "minimum": 2000,
          "maximum": 2100,
          "examples": [
            2023
          ]
        }
      },
      "budgetTotalsYear": {
        "name": "fiscal_year",
        "in": "query",
        "description": "Only this fiscal year (2000–2100; otherwise a 400). Without it, every fiscal year some live project has a budget for.",
        "schema": {
          "type": "integer",
          "minimum": 2000,
          "maximum": 2100,
          "examples": [
            2023
          ]
        }
      }
    },
    "headers": {
      "ETag": {
        "description": "Strong entity tag of the representation (a gzip response has its own `-gzip` tag).",
        "schema": {
          "type": "string"
        }
      },
      "Link": {
        "description": "`<URL>; rel=\"next\"` when more pages exist (absolute URL).",
        "schema": {
          "type": "string"
        }
      },
      "Location": {
        "description": "The path of the created resource.",
        "schema": {
          "type": "string",
          "format": "uri-reference"
        }
      },
      "X-Request-Id": {
        "description": "The request's id: the client's own when it sent a sane one, otherwise generated. Every response carries it.",
        "schema": {
          "type": "string"
        }
      },
      "WWW-Authenticate": {
        "description": "`Bearer realm=\"dxserve\"` with an `error` when a token was sent but refused.",
        "schema": {
          "type": "string"
        }
      },
      "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {
          "type": "string"
        }
      },
      "Allow": {
        "description": "The methods this path supports.",
        "schema": {
          "type": "string"
        }
      },
      "Content-Disposition": {
        "description": "`inline; filename=\"NAME.csv\"`.",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Allow-Origin": {
        "description": "Always `*`: public data, no CORS credentials involved.",
        "schema": {
          "type": "string",
          "const": "*"
        }
      },
      "Idempotent-Replayed": {
        "description": "`true` when this is a replay: the request repeated an earlier create's `Idempotency-Key` and body (same token, within 24 hours), so nothing was created and the earlier answer's status and body are returned again, with its `Location` and the project's first `ETag`. Absent on a first answer.",
        "schema": {
          "type": "string",
          "const": "true"
        }
      },
      "Accept-Post": {
        "description": "The media type a POST body may have: `application/json`.",
        "schema": {
          "type": "string"
        }
      },
      "Accept-Patch": {
        "description": "The media types a PATCH body may have: `application/merge-patch+json, application/json`.",
        "schema": {
          "type": "string"
        }
      },
      "Last-Modified": {
        "description": "`updated_at` as an HTTP-date (whole seconds), for `If-Modified-Since`/`If-Unmodified-Since`.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "NotModified": {
        "description": "Not modified: `If-None-Match` matches (or, for a project, `If-Modified-Since` is not earlier than `Last-Modified`).",
        "headers": {
          "ETag": {
            "$ref": "#/components/headers/ETag"
          },
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Vary": {
            "description": "As on the 200 response.",
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "BadRequest": {
        "description": "Bad request: a malformed query parameter, cursor or body (the `parameter` member names a bad query parameter).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing, malformed, unknown or revoked bearer token.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWW-Authenticate"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such resource.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The path exists but not with this method.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "A resource with this identity exists already.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ConflictProblem"
            }
          }
        }
      },
      "Gone": {
        "description": "The project was archived; its history stays readable (`archived_at` and `history` say when and where).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/GoneProblem"
            }
          }
        }
      },
      "PreconditionFailed": {
        "description": "A precondition failed (RFC 9110 §13.2.2): a stale `If-Match`, a matching `If-None-Match` on a write, or a later modification than `If-Unmodified-Since`. Nothing was changed.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/PreconditionProblem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not declared as JSON: `Content-Type` must be `application/json` (or another `application/*+json` type).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Accept-Post": {
            "$ref": "#/components/headers/Accept-Post"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnprocessableContent": {
        "description": "Invalid fields: every bad one is listed in `errors`.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/ValidationProblem"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The database is busy or locked (`/problems/database-busy`), or not ready; retry after `Retry-After` seconds.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Problem": {
        "description": "Any other error, as an RFC 9457 problem document.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ProjectUnsupportedMediaType": {
        "description": "The body is not declared as JSON: `Content-Type` must be `application/json`, `application/merge-patch+json` or another `application/*+json` type.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Accept-Post": {
            "$ref": "#/components/headers/Accept-Post"
          },
          "Accept-Patch": {
            "$ref": "#/components/headers/Accept-Patch"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ProjectCreateUnprocessable": {
        "description": "Invalid fields, every bad one listed in `errors` (a `status` other than `planned` among them); or the `Idempotency-Key` was already used with a different body (`/problems/idempotency-key-reused`, no `errors`). Nothing was created.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "oneOf": [
                {
                  "$ref": "#/components/schemas/ValidationProblem"
                },
                {
                  "$ref": "#/components/schemas/IdempotencyKeyReusedProblem"
                }
              ]
            }
          }
        }
      },
      "NotAcceptable": {
        "description": "Not acceptable: `Accept` refuses both `application/json` and `text/csv` (`q=0` refuses a type even under a wildcard). The `.csv` path always answers CSV.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/X-Request-Id"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/NotAcceptableProblem"
            }
          }
        }
      }
    },
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An admin token from `dxserve token create NAME`. Only writes need it."
      }
    }
  }
}
"""#
}
