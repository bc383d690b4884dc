using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Schema.Operations;

/// <summary>
/// Reads an operations file (<c>*.operations.json</c>, docs/operations.md) with <see cref="Utf8JsonReader"/> into an
/// <see cref="OperationsDocument"/>. It never throws on bad input: text that is not JSON, a member the format does not
/// have, a value of the wrong kind, an operation id used twice, two operations on one method and path, a status that is
/// not one, a path that is not a template, a method that is not HTTP's: each is an <see cref="OperationsProblem"/> at its
/// place, and the rest of the file is still read. The schemas of path and query parameters are read by
/// <see cref="SchemaReader"/>, in place.
/// </summary>
internal static class OperationsReader
{
    /// <summary>How deep an operations file may nest (the schema reader's limit).</summary>
    public const int MaxDepth = SchemaReader.MaxDepth;

    /// <summary>Reads one operations file of a build: never throws; a file that could not be read is one problem.</summary>
    /// <param name="defaultVisibility">The visibility of a file that states none (the project's <c>StagehandDefaultVisibility</c>).</param>
    public static OperationsDocument ReadFile(string path, SourceText? text, SchemaVisibility defaultVisibility = SchemaVisibility.Public, CancellationToken cancellationToken = default)
    {
        OperationsDocument document;
        if (text is null)
        {
            document = Failed(path, "The operations file could not be read.");
        }
        else
        {
            try
            {
                document = new Parser(path, text, cancellationToken).Parse();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                document = Failed(path, "The operations file could not be read: " + exception.Message);
            }
        }

        return document with { DefaultVisibility = defaultVisibility };
    }

    private static OperationsDocument Failed(string path, string message) => new(
        SchemaPaths.Normalize(path),
        EquatableArray<HttpOperation>.Empty,
        EquatableArray<RpcMethod>.Empty,
        new[] { new OperationsProblem("json", message, new LocationInfo(path, 0, 0, 0, 0, 0, 0)) }.ToEquatableArray());

    private sealed class Parser
    {
        private static readonly string[] RootMembers = ["$schema", "$comment", "description", "x-stagehand-visibility", "errorEnvelope", "http", "rpc"];
        private static readonly string[] HttpMembers = ["$comment", "description", "method", "path", "pathParameters", "query", "requiredQuery", "request", "responses"];
        private static readonly string[] ReferenceMembers = ["$ref", "$comment", "description"];
        private static readonly string[] RequestMembers = ["$ref", "$comment", "description", "required"];
        private static readonly string[] RpcMembers = ["$comment", "description", "params", "result", "errors", "notification"];
        private static readonly string[] RpcErrorMembers = ["$comment", "description", "message", "data"];

        private readonly JsonTextMap _map;
        private readonly CancellationToken _cancellationToken;
        private readonly List<OperationsProblem> _problems = new();

        /// <summary>Every operation id and method name read so far: one id names one operation in a file.</summary>
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public Parser(string path, SourceText text, CancellationToken cancellationToken)
        {
            _map = new JsonTextMap(path, text);
            _cancellationToken = cancellationToken;
        }

        public OperationsDocument Parse()
        {
            var empty = new OperationsDocument(SchemaPaths.Normalize(_map.Path), EquatableArray<HttpOperation>.Empty, EquatableArray<RpcMethod>.Empty, EquatableArray<OperationsProblem>.Empty);
            var document = empty;
            var reader = new Utf8JsonReader(_map.Utf8, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                MaxDepth = MaxDepth,
            });
            try
            {
                if (_map.Text.Length == 0 || string.IsNullOrWhiteSpace(_map.Text.ToString()) || !reader.Read())
                {
                    Report("json", "The operations file is empty: it is a JSON object with 'http' and 'rpc' operations.", 0, 0);
                }
                else
                {
                    document = ReadRoot(ref reader, empty);
                    if (reader.Read())
                    {
                        Report("json", "Text follows the end of the operations file.", (int)reader.TokenStartIndex, 1);
                    }
                }
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                // Text that is not JSON (or a string that is not text, such as a lone surrogate escape): one problem for the
                // file, no operations, as a schema file that is not JSON.
                _problems.Clear();
                var offset = (int)reader.BytesConsumed;
                if (exception is JsonException json)
                {
                    offset = _map.ByteOffsetOfLine((int)(json.LineNumber ?? 0)) + (int)(json.BytePositionInLine ?? 0);
                }

                Report("json", "The operations file is not valid JSON: " + FirstSentence(exception.Message), Math.Min(offset, _map.Utf8.Length), 0);
                document = empty;
            }

            return document with { Problems = _problems.ToEquatableArray() };
        }

        private OperationsDocument ReadRoot(ref Utf8JsonReader reader, OperationsDocument document)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report("json", "An operations file is a JSON object: { \"$schema\": \"" + OperationsFormat.SchemaUri + "\", \"http\": { ... } }.", start, SkipValue(ref reader, start));
                return document;
            }

            var http = new List<HttpOperation>();
            var rpc = new List<RpcMethod>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (name, nameStart, nameLength) = Name(ref reader);
                reader.Read();
                if (!FirstTime(ref reader, seen, name, nameStart, nameLength))
                {
                    continue;
                }

                var valueStart = (int)reader.TokenStartIndex;
                switch (name)
                {
                    case "$schema":
                        var uri = ReadString(ref reader, name);
                        if (uri is not null && !string.Equals(uri.TrimEnd('#'), OperationsFormat.SchemaUri, StringComparison.Ordinal))
                        {
                            Report(name, $"The '$schema' of an operations file is '{OperationsFormat.SchemaUri}', not '{uri}'.", valueStart, ValueLength(ref reader, valueStart));
                        }

                        break;
                    case "$comment":
                        ReadString(ref reader, name);
                        break;
                    case "description":
                        document = document with { Description = ReadString(ref reader, name) };
                        break;
                    case "x-stagehand-visibility":
                        var word = ReadString(ref reader, name);
                        var visibility = SchemaVisibilities.Parse(word);
                        if (word is not null && visibility is null)
                        {
                            Report(name, $"'{name}' is 'public' or 'internal', not '{word}'.", valueStart, ValueLength(ref reader, valueStart));
                        }

                        document = document with { StatedVisibility = visibility };
                        break;
                    case "errorEnvelope":
                        document = document with { ErrorEnvelope = ReadContract(ref reader, name, "the errorEnvelope", ReferenceMembers, refRequired: true, out _, out _) };
                        break;
                    case "http":
                        ReadHttp(ref reader, http);
                        break;
                    case "rpc":
                        ReadRpc(ref reader, rpc);
                        break;
                    default:
                        Unknown(ref reader, name, RootMembers, "an operations file", nameStart, nameLength);
                        break;
                }
            }

            CheckRoutes(http);
            return document with { Http = http.ToEquatableArray(), Rpc = rpc.ToEquatableArray() };
        }

        // ---- HTTP ---------------------------------------------------------------------------------------------

        private void ReadHttp(ref Utf8JsonReader reader, List<HttpOperation> operations) =>
            ReadOperations(
                ref reader,
                "http",
                "'http' is an object of HTTP operations by id: { \"getLLM\": { \"method\": \"GET\", ... } }.",
                id => $"The operation id '{id}' is used twice: an id names one operation in a file.",
                id => OperationsFormat.IsOperationId(id) ? null : $"'{id}' is not an operation id: a letter or '_', then letters, digits or '_' (it names a method in code).",
                id => $"The operation '{id}' is an object: {{ \"method\": \"GET\", \"path\": \"/things/{{id}}\", \"responses\": {{ ... }} }}.",
                (ref Utf8JsonReader entry, string id, LocationInfo location) => operations.Add(ReadHttpOperation(ref entry, id, location)));

        /// <summary>What reads one operation's object, once its key has been checked.</summary>
        private delegate void OperationReader(ref Utf8JsonReader reader, string key, LocationInfo keyLocation);

        /// <summary>
        /// Reads an object of operations by key (<c>http</c> by id, <c>rpc</c> by method name): a key names one operation in
        /// the whole file, a key that is not well formed is reported but read, and each value must be an object.
        /// </summary>
        private void ReadOperations(
            ref Utf8JsonReader reader,
            string keyword,
            string notAnObject,
            Func<string, string> usedTwice,
            Func<string, string?> malformedKey,
            Func<string, string> entryNotAnObject,
            OperationReader read)
        {
            if (!ExpectObject(ref reader, keyword, notAnObject))
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (key, keyStart, keyLength) = Name(ref reader);
                var keyLocation = _map.LocationOf(keyStart, keyLength);
                reader.Read();
                if (!_ids.Add(key))
                {
                    Report(keyword, usedTwice(key), keyLocation);
                    reader.Skip();
                    continue;
                }

                if (malformedKey(key) is { } problem)
                {
                    Report(keyword, problem, keyLocation);
                }

                if (ExpectObject(ref reader, keyword, entryNotAnObject(key)))
                {
                    read(ref reader, key, keyLocation);
                }
            }
        }

        private HttpOperation ReadHttpOperation(ref Utf8JsonReader reader, string id, LocationInfo idLocation)
        {
            var operation = new HttpOperation(id, idLocation);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            List<(string Name, LocationInfo Location)>? requiredQuery = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (name, nameStart, nameLength) = Name(ref reader);
                reader.Read();
                if (!FirstTime(ref reader, seen, name, nameStart, nameLength))
                {
                    continue;
                }

                var valueStart = (int)reader.TokenStartIndex;
                switch (name)
                {
                    case "$comment":
                        ReadString(ref reader, name);
                        break;
                    case "description":
                        operation = operation with { Description = ReadString(ref reader, name) };
                        break;
                    case "method":
                        var method = ReadString(ref reader, name);
                        if (method is null)
                        {
                            break;
                        }

                        var methodLocation = _map.LocationOf(valueStart, ValueLength(ref reader, valueStart));
                        var upper = method.ToUpperInvariant();
                        if (!OperationsFormat.HttpMethods.Contains(upper))
                        {
                            Report(name, $"'{method}' is not an HTTP method: one of {string.Join(", ", OperationsFormat.HttpMethods)}.", methodLocation);
                            break;
                        }

                        if (upper != method)
                        {
                            Report(name, $"HTTP methods are written in upper case: '{upper}', not '{method}'.", methodLocation);
                        }

                        operation = operation with { Method = upper, MethodLocation = methodLocation };
                        break;
                    case "path":
                        var text = ReadString(ref reader, name);
                        if (text is null)
                        {
                            break;
                        }

                        var pathLocation = _map.LocationOf(valueStart, ValueLength(ref reader, valueStart));
                        var template = PathTemplate.Parse(text, out var error);
                        if (template is null)
                        {
                            Report(name, $"'{text}' is not a path template: {error}", pathLocation);
                        }

                        operation = operation with { Path = template, PathLocation = pathLocation };
                        break;
                    case "pathParameters":
                        operation = operation with { PathParameters = ReadParameters(ref reader, name, "path parameter", id) };
                        break;
                    case "query":
                        operation = operation with { Query = ReadParameters(ref reader, name, "query parameter", id) };
                        break;
                    case "requiredQuery":
                        requiredQuery = ReadNames(ref reader, name);
                        break;
                    case "request":
                        var contract = ReadContract(ref reader, name, $"the request of '{id}'", RequestMembers, refRequired: true, out _, out var required);
                        operation = contract is null ? operation : operation with { Request = new HttpRequestBody(contract, required ?? true) };
                        break;
                    case "responses":
                        var responsesLocation = reader.TokenType == JsonTokenType.StartObject ? _map.LocationOf(valueStart, 1) : null;
                        operation = operation with { Responses = ReadResponses(ref reader, id), ResponsesLocation = responsesLocation };
                        break;
                    default:
                        Unknown(ref reader, name, HttpMembers, $"the operation '{id}'", nameStart, nameLength);
                        break;
                }
            }

            foreach (var member in new[] { "method", "path", "responses" })
            {
                if (!seen.Contains(member))
                {
                    Report(member, $"The operation '{id}' has no '{member}'.", idLocation);
                }
            }

            if (requiredQuery is not null)
            {
                foreach (var (name, location) in requiredQuery)
                {
                    if (!operation.Query.Any(parameter => parameter.Name == name))
                    {
                        Report("requiredQuery", $"'{name}' is in 'requiredQuery' but is not a query parameter of '{id}': declare it under 'query'.", location);
                    }
                }

                operation = operation with { RequiredQuery = requiredQuery.Select(entry => entry.Name).ToEquatableArray() };
            }

            return operation;
        }

        /// <summary>Two operations of one file on the same method and route (whatever their parameters are called) are one too many.</summary>
        private void CheckRoutes(List<HttpOperation> operations)
        {
            var routes = new Dictionary<(string Method, string Route), HttpOperation>();
            foreach (var operation in operations)
            {
                if (operation.Method is null || operation.Path is null)
                {
                    continue;
                }

                var key = (operation.Method, operation.Path.Route);
                if (routes.TryGetValue(key, out var first))
                {
                    Report("path", $"'{operation.Method} {operation.Path.Text}' is also the route of '{first.Id}' ({first.Method} {first.Path!.Text}): a method and path belong to one operation.", operation.PathLocation!);
                }
                else
                {
                    routes[key] = operation;
                }
            }
        }

        private EquatableArray<OperationParameter> ReadParameters(ref Utf8JsonReader reader, string member, string kind, string id)
        {
            if (!ExpectObject(ref reader, member, $"'{member}' is an object of parameter schemas by name: {{ \"id\": {{ \"type\": \"string\" }} }}."))
            {
                return EquatableArray<OperationParameter>.Empty;
            }

            var parameters = new List<OperationParameter>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (name, nameStart, nameLength) = Name(ref reader);
                var nameLocation = _map.LocationOf(nameStart, nameLength);
                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                if (!seen.Add(name))
                {
                    Report(member, $"The {kind} '{name}' of '{id}' is declared twice.", nameLocation);
                    reader.Skip();
                    continue;
                }

                if (name.Length == 0)
                {
                    Report(member, $"A {kind} of '{id}' has an empty name.", nameLocation);
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    Report(member, $"The schema of the {kind} '{name}' of '{id}' is a JSON Schema object, such as {{ \"type\": \"string\" }}.", valueStart, SkipValue(ref reader, valueStart));
                    continue;
                }

                reader.Skip();
                var schema = SchemaReader.ReadEmbedded(_map, valueStart, (int)reader.BytesConsumed - valueStart, _cancellationToken);
                foreach (var problem in schema.Problems)
                {
                    if (!problem.IsNote)
                    {
                        _problems.Add(new OperationsProblem(problem.Keyword, $"In the schema of the {kind} '{name}' of '{id}': {problem.Message}", problem.Location));
                    }
                }

                if (schema.Root is not null)
                {
                    parameters.Add(new OperationParameter(name, nameLocation, schema.Root));
                }
            }

            return parameters.ToEquatableArray();
        }

        private EquatableArray<HttpResponse> ReadResponses(ref Utf8JsonReader reader, string id)
        {
            if (!ExpectObject(ref reader, "responses", $"The 'responses' of '{id}' are an object by status: {{ \"200\": {{ \"$ref\": \"Thing.schema.json\" }}, \"404\": {{ ... }} }}."))
            {
                return EquatableArray<HttpResponse>.Empty;
            }

            var responses = new List<HttpResponse>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (status, statusStart, statusLength) = Name(ref reader);
                var statusLocation = _map.LocationOf(statusStart, statusLength);
                reader.Read();
                if (!seen.Add(status))
                {
                    Report("responses", $"The status '{status}' of '{id}' appears twice.", statusLocation);
                    reader.Skip();
                    continue;
                }

                if (!OperationsFormat.IsStatus(status))
                {
                    var upper = status.ToUpperInvariant();
                    Report("responses", OperationsFormat.IsStatus(upper) && upper != OperationsFormat.DefaultStatus.ToUpperInvariant()
                        ? $"Write the status class '{status}' in upper case: '{upper}'."
                        : $"'{status}' is not a response status: a code from 100 to 599, a class from 1XX to 5XX, or 'default'.", statusLocation);
                    reader.Skip();
                    continue;
                }

                var body = ReadContract(ref reader, "responses", $"the {status} response of '{id}'", ReferenceMembers, refRequired: false, out var description, out _);
                responses.Add(new HttpResponse(status, statusLocation, body, body?.Description ?? description));
            }

            return responses.ToEquatableArray();
        }

        // ---- JSON-RPC -----------------------------------------------------------------------------------------

        private void ReadRpc(ref Utf8JsonReader reader, List<RpcMethod> methods) =>
            ReadOperations(
                ref reader,
                "rpc",
                "'rpc' is an object of JSON-RPC methods by name: { \"stagehand.act\": { \"params\": { ... } } }.",
                name => $"The name '{name}' is used twice: it names one operation in a file.",
                name => name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                    ? $"'{name}' is not a JSON-RPC method name: a name without spaces, such as 'stagehand.act'."
                    : null,
                name => $"The method '{name}' is an object: {{ \"params\": {{ \"$ref\": ... }}, \"result\": {{ ... }}, \"errors\": {{ ... }} }}.",
                (ref Utf8JsonReader entry, string name, LocationInfo location) => methods.Add(ReadRpcMethod(ref entry, name, location)));

        private RpcMethod ReadRpcMethod(ref Utf8JsonReader reader, string name, LocationInfo nameLocation)
        {
            var method = new RpcMethod(name, nameLocation);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            LocationInfo? notificationLocation = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (member, memberStart, memberLength) = Name(ref reader);
                reader.Read();
                if (!FirstTime(ref reader, seen, member, memberStart, memberLength))
                {
                    continue;
                }

                switch (member)
                {
                    case "$comment":
                        ReadString(ref reader, member);
                        break;
                    case "description":
                        method = method with { Description = ReadString(ref reader, member) };
                        break;
                    case "params":
                        method = method with { Params = ReadContract(ref reader, member, $"the params of '{name}'", ReferenceMembers, refRequired: true, out _, out _) };
                        break;
                    case "result":
                        method = method with { Result = ReadContract(ref reader, member, $"the result of '{name}'", ReferenceMembers, refRequired: true, out _, out _) };
                        break;
                    case "errors":
                        method = method with { Errors = ReadRpcErrors(ref reader, name) };
                        break;
                    case "notification":
                        notificationLocation = _map.LocationOf(memberStart, memberLength);
                        method = method with { Notification = ReadBoolean(ref reader, member) ?? false };
                        break;
                    default:
                        Unknown(ref reader, member, RpcMembers, $"the method '{name}'", memberStart, memberLength);
                        break;
                }
            }

            if (method.Notification && (seen.Contains("result") || seen.Contains("errors")))
            {
                Report("notification", $"'{name}' is a notification, which gets no answer, so it has no 'result' and no 'errors'.", notificationLocation!);
            }

            return method;
        }

        private EquatableArray<RpcError> ReadRpcErrors(ref Utf8JsonReader reader, string name)
        {
            if (!ExpectObject(ref reader, "errors", $"The 'errors' of '{name}' are an object by code: {{ \"-32602\": {{ \"message\": \"Invalid params\" }} }}."))
            {
                return EquatableArray<RpcError>.Empty;
            }

            var errors = new List<RpcError>();
            var seen = new HashSet<int>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (text, codeStart, codeLength) = Name(ref reader);
                var codeLocation = _map.LocationOf(codeStart, codeLength);
                reader.Read();
                if (!TryParseCode(text, out var code))
                {
                    Report("errors", $"'{text}' is not a JSON-RPC error code: an integer, such as -32602.", codeLocation);
                    reader.Skip();
                    continue;
                }

                if (!seen.Add(code))
                {
                    Report("errors", $"The error code {code} of '{name}' appears twice.", codeLocation);
                    reader.Skip();
                    continue;
                }

                if (!ExpectObject(ref reader, "errors", $"The error {code} of '{name}' is an object: {{ \"message\": \"...\", \"data\": {{ \"$ref\": ... }} }}."))
                {
                    continue;
                }

                string? message = null;
                string? description = null;
                ContractReference? data = null;
                var members = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (member, memberStart, memberLength) = Name(ref reader);
                    reader.Read();
                    if (!FirstTime(ref reader, members, member, memberStart, memberLength))
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case "$comment":
                            ReadString(ref reader, member);
                            break;
                        case "message":
                            message = ReadString(ref reader, member);
                            break;
                        case "description":
                            description = ReadString(ref reader, member);
                            break;
                        case "data":
                            data = ReadContract(ref reader, member, $"the data of error {code} of '{name}'", ReferenceMembers, refRequired: true, out _, out _);
                            break;
                        default:
                            Unknown(ref reader, member, RpcErrorMembers, $"the error {code} of '{name}'", memberStart, memberLength);
                            break;
                    }
                }

                errors.Add(new RpcError(code, codeLocation, message, data, description));
            }

            return errors.ToEquatableArray();
        }

        /// <summary>An integer as JSON writes one: an optional minus, no leading zero, no plus, within 32 bits.</summary>
        private static bool TryParseCode(string text, out int code)
        {
            code = 0;
            var digits = text.StartsWith("-", StringComparison.Ordinal) ? text.Substring(1) : text;
            return digits.Length > 0 && digits.All(c => c is >= '0' and <= '9') && (digits.Length == 1 || digits[0] != '0')
                && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code)
                && text != "-0";
        }

        // ---- shared pieces ------------------------------------------------------------------------------------

        /// <summary>
        /// A contract reference, <c>{ "$ref": "...", "description": "..." }</c> (and <c>"required"</c> for a request body).
        /// Null when it has no <c>$ref</c>: a problem when <paramref name="refRequired"/>, else a response without a body.
        /// </summary>
        /// <param name="what">What the reference is, for messages: <c>the request of 'createPet'</c>.</param>
        private ContractReference? ReadContract(ref Utf8JsonReader reader, string member, string what, string[] allowed, bool refRequired, out string? description, out bool? required)
        {
            description = null;
            required = null;
            var start = (int)reader.TokenStartIndex;
            if (!ExpectObject(ref reader, member, $"{Sentence(what)} is an object that names a contract: {{ \"$ref\": \"Thing.schema.json\" }}."))
            {
                return null;
            }

            string? reference = null;
            LocationInfo? referenceLocation = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (name, nameStart, nameLength) = Name(ref reader);
                reader.Read();
                if (!FirstTime(ref reader, seen, name, nameStart, nameLength))
                {
                    continue;
                }

                var valueStart = (int)reader.TokenStartIndex;
                switch (name)
                {
                    case "$ref":
                        var value = ReadString(ref reader, name);
                        if (value is null)
                        {
                            break;
                        }

                        var location = _map.LocationOf(valueStart, ValueLength(ref reader, valueStart));
                        if (value.Length == 0)
                        {
                            Report(name, "'$ref' is empty: it names a schema file, such as \"Thing.schema.json\".", location);
                            break;
                        }

                        reference = value;
                        referenceLocation = location;
                        break;
                    case "$comment":
                        ReadString(ref reader, name);
                        break;
                    case "description":
                        description = ReadString(ref reader, name);
                        break;
                    case "required" when Array.IndexOf(allowed, "required") >= 0:
                        required = ReadBoolean(ref reader, name);
                        break;
                    default:
                        Unknown(ref reader, name, allowed, what, nameStart, nameLength);
                        break;
                }
            }

            var whole = _map.LocationOf(start, (int)reader.BytesConsumed - start);
            if (reference is null)
            {
                if (refRequired && !seen.Contains("$ref"))
                {
                    Report(member, $"{Sentence(what)} has no '$ref': it names the contract it carries, such as {{ \"$ref\": \"Thing.schema.json\" }}.", whole.FirstCharacter());
                }

                return null;
            }

            return new ContractReference(reference, referenceLocation!, whole, description);
        }

        /// <summary>An array of distinct non-empty strings, each with its place.</summary>
        private List<(string Name, LocationInfo Location)>? ReadNames(ref Utf8JsonReader reader, string member)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Report(member, $"'{member}' is an array of names.", start, SkipValue(ref reader, start));
                return null;
            }

            var names = new List<(string, LocationInfo)>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var itemStart = (int)reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.String)
                {
                    Report(member, $"The entries of '{member}' are strings.", itemStart, SkipValue(ref reader, itemStart));
                    continue;
                }

                var name = reader.GetString()!;
                var location = _map.LocationOf(itemStart, ValueLength(ref reader, itemStart));
                if (names.Any(entry => entry.Item1 == name))
                {
                    Report(member, $"'{name}' appears twice in '{member}'.", location);
                    continue;
                }

                names.Add((name, location));
            }

            return names;
        }

        private (string Name, int Start, int Length) Name(ref Utf8JsonReader reader)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var start = (int)reader.TokenStartIndex;
            var name = reader.GetString()!;
            return (name, start, reader.ValueSpan.Length + 2);
        }

        /// <summary>Whether a member is met for the first time in its object; a second one is reported and skipped.</summary>
        private bool FirstTime(ref Utf8JsonReader reader, HashSet<string> seen, string name, int start, int length)
        {
            if (seen.Add(name))
            {
                return true;
            }

            Report(name, $"'{name}' appears twice in one object.", start, length);
            reader.Skip();
            return false;
        }

        /// <summary>
        /// A member the format does not have: <c>x-</c> members are extensions and ignored (except unknown
        /// <c>x-stagehand-</c> ones), anything else is reported, with the member it most likely misspells.
        /// </summary>
        private void Unknown(ref Utf8JsonReader reader, string name, string[] known, string where, int start, int length)
        {
            reader.Skip();
            if (name.StartsWith("x-stagehand-", StringComparison.Ordinal))
            {
                Report(name, $"Unknown extension member '{name}' in {where}; the format is in docs/operations.md.", start, length);
            }
            else if (!name.StartsWith("x-", StringComparison.Ordinal))
            {
                var meant = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? known.FirstOrDefault(k => k.Length >= 4 && EditDistance.Between(k, name) <= 2);
                var suggestion = meant is null ? $"; it has {string.Join(", ", known.Select(k => "'" + k + "'"))}." : $": did you mean '{meant}'?";
                Report(name, $"Unknown member '{name}' in {where}{suggestion} Extension members start with 'x-'.", start, length);
            }
        }

        private bool ExpectObject(ref Utf8JsonReader reader, string member, string message)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return true;
            }

            var start = (int)reader.TokenStartIndex;
            Report(member, message, start, SkipValue(ref reader, start));
            return false;
        }

        private string? ReadString(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            var start = (int)reader.TokenStartIndex;
            Report(member, $"'{member}' is a string.", start, SkipValue(ref reader, start));
            return null;
        }

        private bool? ReadBoolean(ref Utf8JsonReader reader, string member)
        {
            if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                return reader.GetBoolean();
            }

            var start = (int)reader.TokenStartIndex;
            Report(member, $"'{member}' is true or false.", start, SkipValue(ref reader, start));
            return null;
        }

        /// <summary>Skips the value the reader is on and returns its length in bytes.</summary>
        private static int SkipValue(ref Utf8JsonReader reader, int start)
        {
            reader.Skip();
            return (int)reader.BytesConsumed - start;
        }

        private static int ValueLength(ref Utf8JsonReader reader, int start) => Math.Max(1, (int)reader.BytesConsumed - start);

        private void Report(string member, string message, int byteStart, int byteLength) =>
            _problems.Add(new OperationsProblem(member, message, _map.LocationOf(byteStart, byteLength)));

        private void Report(string member, string message, LocationInfo location) =>
            _problems.Add(new OperationsProblem(member, message, location));

        /// <summary>The text with its first letter in upper case, to start a sentence.</summary>
        private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? message : message.Substring(0, end + 1);
        }
    }
}
