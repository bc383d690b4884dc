using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Analyzers.Tests.Infrastructure;
using Stagehand.Schema;
using Stagehand.Schema.Operations;

namespace Stagehand.Analyzers.Tests.Operations;

/// <summary>
/// The operations reader: the repository's files read whole, every bad input is one problem at its place (marked «...»
/// in the texts below), a broken operation leaves the others, and the model compares by value.
/// </summary>
public sealed class OperationsReaderTests
{
    private const string Path = "/inline/pets.operations.json";

    private const string GetPet = """{ "method": "GET", "path": "/pets/{id}", "pathParameters": { "id": { "type": "string" } }, "responses": { "200": { "$ref": "Pet.schema.json" } } }""";

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        // text (the place at fault between « and »), the member the problem names, a part of its message
        { "«»", "json", "The operations file is empty" },
        { "{ \"http\": { \"getPet\": { \"method\": \"GET\" }«»", "json", "is not valid JSON" },
        { "{ \"http\": {}, «»}", "json", "is not valid JSON" },
        { "«[]»", "json", "An operations file is a JSON object" },
        { "{ «\"htp\"»: {} }", "htp", "did you mean 'http'?" },
        { "{ «\"x-stagehand-routes\"»: {}, \"x-team\": \"pets\" }", "x-stagehand-routes", "Unknown extension member" },
        { "{ \"$schema\": «\"https://example.com/ops\"» }", "$schema", "'https://stagehand-contracts.dev/schemas/operations.v1.json'" },
        { "{ \"x-stagehand-visibility\": «\"secret\"» }", "x-stagehand-visibility", "'public' or 'internal'" },
        { "{ \"http\": «[]» }", "http", "an object of HTTP operations" },
        { "{ \"http\": { \"getPet\": " + GetPet + ", «\"getPet\"»: " + GetPet + " } }", "http", "The operation id 'getPet' is used twice" },
        { "{ \"http\": { «\"get-pet\"»: " + GetPet + " } }", "http", "is not an operation id" },
        { "{ \"http\": { \"getPet\": " + GetPet + ", \"findPet\": { \"method\": \"GET\", \"path\": «\"/pets/{petId}\"», \"pathParameters\": { \"petId\": { \"type\": \"string\" } }, \"responses\": {} } } }", "path", "is also the route of 'getPet' (GET /pets/{id})" },
        { Operation("\"method\": «\"FETCH\"», \"path\": \"/pets\", \"responses\": {}"), "method", "'FETCH' is not an HTTP method" },
        { Operation("\"method\": «\"get\"», \"path\": \"/pets\", \"responses\": {}"), "method", "upper case: 'GET'" },
        { Operation("\"method\": \"GET\", \"path\": «\"pets/{id}\"», \"responses\": {}"), "path", "A path starts with '/'" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/{id\"», \"responses\": {}"), "path", "is not closed" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/{}\"», \"responses\": {}"), "path", "has no name" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets//toys\"», \"responses\": {}"), "path", "no empty segment" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/\"», \"responses\": {}"), "path", "does not end with '/'" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets?limit=1\"», \"responses\": {}"), "path", "under 'query'" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/{a}{b}\"», \"responses\": {}"), "path", "nothing between them" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/{a}/toys/{a}\"», \"responses\": {}"), "path", "appears twice" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/a b\"», \"responses\": {}"), "path", "cannot be in a URI path" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/%zz\"», \"responses\": {}"), "path", "two hexadecimal digits" },
        { Operation("\"method\": \"GET\", \"path\": «\"/pets/{1st}\"», \"responses\": {}"), "path", "is not a parameter name" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"responses\": { «\"600\"»: {} }"), "responses", "'600' is not a response status" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"responses\": { «\"2XXX\"»: {} }"), "responses", "is not a response status" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"responses\": { «\"ok\"»: {} }"), "responses", "is not a response status" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"responses\": { «\"4xx\"»: {} }"), "responses", "upper case: '4XX'" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"responses\": { \"200\": {}, «\"200\"»: {} }"), "responses", "appears twice" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"responses\": { \"200\": «[]» }"), "responses", "names a contract" },
        { "{ \"http\": { «\"getPet\"»: { \"path\": \"/pets\", \"responses\": {} } } }", "method", "has no 'method'" },
        { "{ \"http\": { «\"getPet\"»: { \"method\": \"GET\", \"responses\": {} } } }", "path", "has no 'path'" },
        { "{ \"http\": { «\"getPet\"»: { \"method\": \"GET\", \"path\": \"/pets\" } } }", "responses", "has no 'responses'" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", «\"respones\"»: {}, \"responses\": {}"), "respones", "did you mean 'responses'?" },
        { Operation("\"method\": \"GET\", «\"method\"»: \"GET\", \"path\": \"/pets\", \"responses\": {}"), "method", "appears twice in one object" },
        { Operation("\"method\": \"POST\", \"path\": \"/pets\", \"request\": «{» \"description\": \"A pet.\" }, \"responses\": {}"), "request", "has no '$ref'" },
        { Operation("\"method\": \"POST\", \"path\": \"/pets\", \"request\": { \"$ref\": «\"\"» }, \"responses\": {}"), "$ref", "'$ref' is empty" },
        { Operation("\"method\": \"POST\", \"path\": \"/pets\", \"request\": { \"$ref\": \"Pet.schema.json\", \"required\": «\"no\"» }, \"responses\": {}"), "required", "is true or false" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets/{id}\", \"pathParameters\": { \"id\": { \"type\": \"string\", «\"minlength\"»: 1 } }, \"responses\": {}"), "minlength", "In the schema of the path parameter 'id' of 'getPet': Unknown keyword 'minlength': did you mean 'minLength'?" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets/{id}\", \"pathParameters\": { \"id\": «\"string\"» }, \"responses\": {}"), "pathParameters", "is a JSON Schema object" },
        { Operation("\"method\": \"GET\", \"path\": \"/pets\", \"query\": { \"limit\": { \"type\": \"integer\" } }, \"requiredQuery\": [«\"offset\"»], \"responses\": {}"), "requiredQuery", "'offset' is in 'requiredQuery' but is not a query parameter" },
        { "{ \"rpc\": { \"pets.feed\": { \"errors\": { «\"abc\"»: {} } } } }", "errors", "is not a JSON-RPC error code" },
        { "{ \"rpc\": { \"pets.feed\": { \"errors\": { «\"-0\"»: {} } } } }", "errors", "is not a JSON-RPC error code" },
        { "{ \"rpc\": { \"pets.log\": { «\"notification\"»: true, \"result\": { \"$ref\": \"Log.schema.json\" } } } }", "notification", "gets no answer" },
        { "{ \"rpc\": { «\"pets feed\"»: { \"errors\": { \"1\": {} } } } }", "rpc", "is not a JSON-RPC method name" },
        { "{ \"http\": { \"pets\": " + GetPet + " }, \"rpc\": { «\"pets\"»: {} } }", "rpc", "is used twice" },
        { "{ \"rpc\": { \"pets.feed\": { \"params\": «{»} } } }", "params", "has no '$ref'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void EachBadInputIsOneProblemAtItsPlace(string marked, string member, string message)
    {
        var (text, span) = Unmark(marked);

        var document = Read(text);

        var problem = Assert.Single(document.Problems);
        Assert.Equal(member, problem.Member);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(Path, problem.Location.FilePath);
        Assert.Equal(text.Substring(span.Start, span.Length), text.Substring(problem.Location.Start, problem.Location.Length));
        Assert.Equal(span, problem.Location.Span);
    }

    [Fact]
    public void TheRepositorysOperationsFilesReadWithoutProblems()
    {
        var llms = ReadRepository("llms.operations.json");
        var sessions = ReadRepository("browsersession.operations.json");

        Assert.Empty(llms.Problems);
        Assert.Empty(sessions.Problems);
        Assert.Equal(
            ["listLLMs GET /v4/llms", "createLLM POST /v4/llms", "getLLM GET /v4/llms/{id}", "updateLLM PATCH /v4/llms/{id}", "deleteLLM DELETE /v4/llms/{id}"],
            llms.Http.Select(o => o.Id + " " + o.Display));
        Assert.Equal(
            ["createBrowserSession POST /v4/browsersession", "getBrowserSession GET /v4/browsersession/{id}", "updateBrowserSession PATCH /v4/browsersession/{id}", "endBrowserSession POST /v4/browsersession/{id}/end"],
            sessions.Http.Select(o => o.Id + " " + o.Display));
        Assert.Equal("LLMErrorResponse.schema.json", llms.ErrorEnvelope?.Ref);
        Assert.Equal("BrowserSessionV4ErrorResponse.schema.json", sessions.ErrorEnvelope?.Ref);
        Assert.Equal(SchemaVisibility.Public, llms.Visibility);
        var end = sessions.Http.Single(o => o.Id == "endBrowserSession");
        Assert.False(end.Request!.Required);
        var delete = llms.Http.Single(o => o.Id == "deleteLLM");
        Assert.Null(delete.Responses.Single(r => r.Status == "204").Body);
        Assert.All(llms.Http.Concat(sessions.Http), o => Assert.Contains(o.Responses, r => r.IsError));
    }

    [Fact]
    public void EveryPartHasItsPlace()
    {
        const string Text = """
            {
              "errorEnvelope": { "$ref": "Error.schema.json" },
              "http": {
                "getPet": {
                  "method": "GET",
                  "path": "/pets/{id}",
                  "pathParameters": { "id": { "$ref": "PetId.schema.json" } },
                  "query": { "fields": { "type": "string" } },
                  "requiredQuery": ["fields"],
                  "request": { "$ref": "Query.schema.json", "required": false },
                  "responses": { "200": { "$ref": "Pet.schema.json" }, "default": { "description": "Anything else." } }
                }
              },
              "rpc": { "pets.feed": { "params": { "$ref": "Feed.schema.json" }, "errors": { "-32602": { "message": "Invalid params", "data": { "$ref": "Error.schema.json" } } } } }
            }
            """;

        var document = Read(Text);

        Assert.Empty(document.Problems);
        var operation = Assert.Single(document.Http);
        Assert.Equal("\"getPet\"", At(Text, operation.IdLocation));
        Assert.Equal("\"GET\"", At(Text, operation.MethodLocation!));
        Assert.Equal("\"/pets/{id}\"", At(Text, operation.PathLocation!));
        Assert.Equal(["id"], operation.Path!.Parameters);
        Assert.Equal("/pets/{}", operation.Path.Route);
        var id = Assert.Single(operation.PathParameters);
        Assert.Equal("\"id\"", At(Text, id.NameLocation));
        Assert.Equal("\"PetId.schema.json\"", At(Text, id.Schema.RefLocation!));
        Assert.Equal(["fields"], operation.RequiredQuery);
        Assert.Equal("\"Query.schema.json\"", At(Text, operation.Request!.Contract.RefLocation));
        Assert.False(operation.Request.Required);
        Assert.Equal(["200", "default"], operation.Responses.Select(r => r.Status));
        Assert.Equal("\"default\"", At(Text, operation.Responses[1].StatusLocation));
        Assert.True(operation.Responses[1].IsError);
        Assert.Equal("Anything else.", operation.Responses[1].Description);
        Assert.Equal("\"Error.schema.json\"", At(Text, document.ErrorEnvelope!.RefLocation));
        var method = Assert.Single(document.Rpc);
        var error = Assert.Single(method.Errors);
        Assert.Equal(-32602, error.Code);
        Assert.Equal("\"-32602\"", At(Text, error.CodeLocation));
        Assert.Equal("Invalid params", error.Message);
        Assert.Equal(
            ["the errorEnvelope", "the request of 'getPet'", "the 200 response of 'getPet'", "the params of 'pets.feed'", "the data of error -32602 of 'pets.feed'"],
            document.References().Select(r => r.Owner));
        Assert.Equal(["the path parameter 'id' of 'getPet'"], document.ParameterReferences().Select(r => r.Owner));
    }

    [Fact]
    public void PlacesCountCharactersNotBytes()
    {
        // Multi-byte text before the fault: the place is in characters, on the right line and column.
        const string Text = "{\n  \"description\": \"Haustiere — 🐕 und 🐈\",\n  \"http\": { \"getPet\": { \"method\": \"FETCH\", \"path\": \"/pets\", \"responses\": {} } }\n}";

        var problem = Assert.Single(Read(Text).Problems);

        Assert.Equal("\"FETCH\"", At(Text, problem.Location));
        Assert.Equal(2, problem.Location.StartLine);
        Assert.Equal(Text.Split('\n')[2].IndexOf("\"FETCH\"", StringComparison.Ordinal), problem.Location.StartCharacter);
    }

    [Fact]
    public void ABrokenOperationLeavesTheOthers()
    {
        var text = "{ \"http\": { \"broken\": { \"method\": \"FETCH\", \"path\": \"pets\", \"nonsense\": 1, \"responses\": 3 }, \"getPet\": " + GetPet + ", \"notAnObject\": 42 }, \"rpc\": { \"pets.feed\": { \"errors\": { \"x\": {}, \"1\": { \"message\": \"Nope\" } } } } }";

        var document = Read(text);

        Assert.Equal(6, document.Problems.Count);
        Assert.Equal(["broken", "getPet"], document.Http.Select(o => o.Id));
        var getPet = document.Http[1];
        Assert.Equal("GET /pets/{id}", getPet.Display);
        Assert.Equal(["200"], getPet.Responses.Select(r => r.Status));
        Assert.Equal(1, Assert.Single(Assert.Single(document.Rpc).Errors).Code);
    }

    [Fact]
    public void TextThatIsNotJsonHasNoOperationsAndOneProblem()
    {
        var document = Read("{ \"http\": { \"getPet\": " + GetPet + " }, ");

        Assert.Empty(document.Http);
        Assert.Equal("json", Assert.Single(document.Problems).Member);
    }

    [Fact]
    public void AFileWithoutTextIsOneProblem()
    {
        var document = OperationsReader.ReadFile(Path, null);

        Assert.Equal("The operations file could not be read.", Assert.Single(document.Problems).Message);
    }

    [Fact]
    public void TheModelComparesByValue()
    {
        var text = File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Schemas, "v4", "llms.operations.json"));

        var first = OperationsReader.ReadFile(Path, SourceText.From(text));
        var second = OperationsReader.ReadFile(Path, SourceText.From(text));
        var edited = OperationsReader.ReadFile(Path, SourceText.From(text.Replace("The server failed.", "The server failed!", StringComparison.Ordinal)));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, edited);
        Assert.NotEqual(first, first with { DefaultVisibility = SchemaVisibility.Internal });
    }

    [Fact]
    public void VisibilityIsTheFilesElseTheProjects()
    {
        Assert.Equal(SchemaVisibility.Internal, OperationsReader.ReadFile(Path, SourceText.From("{}"), SchemaVisibility.Internal).Visibility);
        Assert.Equal(SchemaVisibility.Public, OperationsReader.ReadFile(Path, SourceText.From("{ \"x-stagehand-visibility\": \"public\" }"), SchemaVisibility.Internal).Visibility);
    }

    [Theory]
    [InlineData("/", "/", new string[0])]
    [InlineData("/v4/llms/{id}", "/v4/llms/{}", new[] { "id" })]
    [InlineData("/files/{name}.{ext}", "/files/{}.{}", new[] { "name", "ext" })]
    [InlineData("/a/{_b2}/c~d/%20/{e}", "/a/{}/c~d/%20/{}", new[] { "_b2", "e" })]
    public void PathTemplatesParse(string text, string route, string[] parameters)
    {
        var template = PathTemplate.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(route, template!.Route);
        Assert.Equal(parameters, template.Parameters);
    }

    [Theory]
    [InlineData("200", true)]
    [InlineData("100", true)]
    [InlineData("599", true)]
    [InlineData("4XX", true)]
    [InlineData("default", true)]
    [InlineData("099", false)]
    [InlineData("600", false)]
    [InlineData("6XX", false)]
    [InlineData("4xx", false)]
    [InlineData("4X0", false)]
    [InlineData("20", false)]
    [InlineData("Default", false)]
    public void StatusesAreCodesClassesOrDefault(string status, bool valid) => Assert.Equal(valid, OperationsFormat.IsStatus(status));

    internal static OperationsDocument Read(string text) => OperationsReader.ReadFile(Path, SourceText.From(text));

    private static OperationsDocument ReadRepository(string name) =>
        OperationsReader.ReadFile(Path, SourceText.From(File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Schemas, "v4", name))));

    private static string Operation(string members) => "{ \"http\": { \"getPet\": { " + members + " } } }";

    private static string At(string text, LocationInfo location) => text.Substring(location.Start, location.Length);

    /// <summary>The text without its « and » marks, and the span between them.</summary>
    private static (string Text, TextSpan Span) Unmark(string marked)
    {
        var start = marked.IndexOf('«', StringComparison.Ordinal);
        var end = marked.IndexOf('»', StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the text marks no place: " + marked);
        return (marked.Remove(end, 1).Remove(start, 1), new TextSpan(start, end - start - 1));
    }
}
