using System;
using System.Collections.Generic;

namespace Stagehand.Schema.Operations;

/// <summary>Something wrong with an operations file, at the place it was found.</summary>
/// <param name="Member">The member at fault (<c>method</c>, <c>path</c>, <c>responses</c>, a schema keyword), or <c>json</c> for text that is not JSON.</param>
internal sealed record OperationsProblem(string Member, string Message, LocationInfo Location);

/// <summary>
/// A contract an operation names: <c>{ "$ref": "LLMResponse.schema.json" }</c>, resolved (later, by the rules) against
/// the operations file as a schema's <c>$ref</c> is against its schema file.
/// </summary>
/// <param name="Ref">The reference as written.</param>
/// <param name="RefLocation">The <c>$ref</c> string's place: where an unresolved or wrong reference is reported.</param>
/// <param name="Location">The whole object's place.</param>
internal sealed record ContractReference(string Ref, LocationInfo RefLocation, LocationInfo Location, string? Description = null);

/// <summary>A request body: the contract it is written in, and whether a request may leave it out.</summary>
internal sealed record HttpRequestBody(ContractReference Contract, bool Required);

/// <summary>A path or query parameter: its name and the JSON Schema its value (a string on the wire) must match.</summary>
internal sealed record OperationParameter(string Name, LocationInfo NameLocation, SchemaNode Schema);

/// <summary>One response of an HTTP operation, by status: <c>200</c>, <c>4XX</c>, <c>default</c>.</summary>
/// <param name="Body">The contract of its body; null for a response without one (<c>204</c>).</param>
internal sealed record HttpResponse(string Status, LocationInfo StatusLocation, ContractReference? Body, string? Description = null)
{
    /// <summary>Whether it answers a failure: a 4xx or 5xx status (<c>404</c>, <c>5XX</c>) or <c>default</c>.</summary>
    public bool IsError => Status == OperationsFormat.DefaultStatus || Status[0] is '4' or '5';
}

/// <summary>One HTTP operation: a method and a path, what the request carries and what the answers are.</summary>
internal sealed record HttpOperation(string Id, LocationInfo IdLocation)
{
    public string? Description { get; init; }

    /// <summary>The method, upper case (<c>GET</c>); null when it is missing or not an HTTP method.</summary>
    public string? Method { get; init; }

    public LocationInfo? MethodLocation { get; init; }

    /// <summary>The path template; null when it is missing or does not parse.</summary>
    public PathTemplate? Path { get; init; }

    /// <summary>The place of the <c>path</c> string (also when it does not parse).</summary>
    public LocationInfo? PathLocation { get; init; }

    public EquatableArray<OperationParameter> PathParameters { get; init; } = EquatableArray<OperationParameter>.Empty;

    public EquatableArray<OperationParameter> Query { get; init; } = EquatableArray<OperationParameter>.Empty;

    /// <summary>The query parameters a request must carry; every other one is optional.</summary>
    public EquatableArray<string> RequiredQuery { get; init; } = EquatableArray<string>.Empty;

    public HttpRequestBody? Request { get; init; }

    public EquatableArray<HttpResponse> Responses { get; init; } = EquatableArray<HttpResponse>.Empty;

    /// <summary>The place of the <c>responses</c> object; null when the operation has none (or its value is not an object).</summary>
    public LocationInfo? ResponsesLocation { get; init; }

    /// <summary><c>GET /v4/llms/{id}</c>, as messages name the operation; the id when the method or path is missing.</summary>
    public string Display => Method is not null && Path is not null ? Method + " " + Path.Text : Id;
}

/// <summary>One error a JSON-RPC method answers with, by its code.</summary>
/// <param name="Code">The code (a JSON-RPC error's <c>code</c>, such as -32602).</param>
/// <param name="Message">The message the error carries, when the file states it.</param>
/// <param name="Data">The contract of the error's <c>data</c>, when it has one.</param>
internal sealed record RpcError(int Code, LocationInfo CodeLocation, string? Message, ContractReference? Data, string? Description = null);

/// <summary>One JSON-RPC method: the contracts of its params and result, and the errors it answers with.</summary>
internal sealed record RpcMethod(string Name, LocationInfo NameLocation)
{
    public string? Description { get; init; }

    public ContractReference? Params { get; init; }

    public ContractReference? Result { get; init; }

    public EquatableArray<RpcError> Errors { get; init; } = EquatableArray<RpcError>.Empty;

    /// <summary>A notification is sent without an id: it has no result and answers with no error.</summary>
    public bool Notification { get; init; }
}

/// <summary>
/// One parsed operations file (<c>*.operations.json</c>): the HTTP operations and JSON-RPC methods it declares, the
/// contracts they name, and the problems found while reading it. A file that is not JSON has no operations and one problem.
/// </summary>
internal sealed record OperationsDocument(string Path, EquatableArray<HttpOperation> Http, EquatableArray<RpcMethod> Rpc, EquatableArray<OperationsProblem> Problems)
{
    public string? Description { get; init; }

    /// <summary>The file's <c>x-stagehand-visibility</c>, when it states one.</summary>
    public SchemaVisibility? StatedVisibility { get; init; }

    /// <summary>The visibility of a file that states none (the project's, as for schema files).</summary>
    public SchemaVisibility DefaultVisibility { get; init; } = SchemaVisibility.Public;

    public SchemaVisibility Visibility => StatedVisibility ?? DefaultVisibility;

    /// <summary>The contract every error response of the file's HTTP operations is written in, when the file says.</summary>
    public ContractReference? ErrorEnvelope { get; init; }

    /// <summary>
    /// Every contract reference of the file with what it belongs to (<c>the errorEnvelope</c>, <c>the request of 'getLLM'</c>,
    /// <c>the 404 response of 'getLLM'</c>, <c>the params of 'stagehand.act'</c>), in document order. Parameter schemas' <c>$ref</c>s are in
    /// <see cref="ParameterReferences"/>.
    /// </summary>
    public IEnumerable<(string Owner, ContractReference Reference)> References()
    {
        if (ErrorEnvelope is not null)
        {
            yield return ("the errorEnvelope", ErrorEnvelope);
        }

        foreach (var operation in Http)
        {
            if (operation.Request is not null)
            {
                yield return ($"the request of '{operation.Id}'", operation.Request.Contract);
            }

            foreach (var response in operation.Responses)
            {
                if (response.Body is not null)
                {
                    yield return ($"the {response.Status} response of '{operation.Id}'", response.Body);
                }
            }
        }

        foreach (var method in Rpc)
        {
            if (method.Params is not null)
            {
                yield return ($"the params of '{method.Name}'", method.Params);
            }

            if (method.Result is not null)
            {
                yield return ($"the result of '{method.Name}'", method.Result);
            }

            foreach (var error in method.Errors)
            {
                if (error.Data is not null)
                {
                    yield return ($"the data of error {error.Code} of '{method.Name}'", error.Data);
                }
            }
        }
    }

    /// <summary>Every <c>$ref</c> inside the schemas of the HTTP operations' path and query parameters, with its parameter.</summary>
    public IEnumerable<(string Owner, SchemaNode Node)> ParameterReferences()
    {
        foreach (var operation in Http)
        {
            foreach (var (kind, parameters) in new[] { ("path parameter", operation.PathParameters), ("query parameter", operation.Query) })
            {
                foreach (var parameter in parameters)
                {
                    foreach (var node in SchemaWalker.DescendantsAndSelf(parameter.Schema))
                    {
                        if (node.Ref is not null)
                        {
                            yield return ($"the {kind} '{parameter.Name}' of '{operation.Id}'", node);
                        }
                    }
                }
            }
        }
    }
}

/// <summary>What the operations format fixes: its file extension, its <c>$schema</c>, the HTTP methods, status codes.</summary>
internal static class OperationsFormat
{
    public const string Extension = ".operations.json";

    /// <summary>The <c>$schema</c> of an operations file, and the <c>$id</c> of the JSON Schema that describes the format.</summary>
    public const string SchemaUri = "https://stagehand-contracts.dev/schemas/operations.v1.json";

    /// <summary>The status of the response for every status the operation does not list.</summary>
    public const string DefaultStatus = "default";

    /// <summary>The methods an operation may have, as HTTP writes them.</summary>
    public static readonly IReadOnlyList<string> HttpMethods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

    public static bool IsOperationsFile(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="status"/> names responses: a code 100-599, a class <c>1XX</c>-<c>5XX</c>, or <c>default</c>.</summary>
    public static bool IsStatus(string status) =>
        status == DefaultStatus
        || (status.Length == 3 && status[0] is >= '1' and <= '5'
            && ((IsDigit(status[1]) && IsDigit(status[2])) || (status[1] == 'X' && status[2] == 'X')));

    /// <summary>Whether an operation id can name a C# method: a letter or underscore, then letters, digits and underscores.</summary>
    public static bool IsOperationId(string id)
    {
        if (id.Length == 0 || !(IsAsciiLetter(id[0]) || id[0] == '_'))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(IsAsciiLetter(c) || IsDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
