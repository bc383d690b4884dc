using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stagehand.Contracts;
using Stagehand.Generators.Tests.Infrastructure;
using Stagehand.Schema.Operations;

namespace Stagehand.Generators.Tests;

/// <summary>
/// The JSON Schema of the operations format (<c>src/Stagehand.Schema/Operations/operations.v1.schema.json</c>) is read by
/// the project's own generator in validator mode, and the validator it makes accepts every operations file of the
/// repository and the example of docs/operations.md, and rejects what the format does not allow.
/// </summary>
public sealed class OperationsFormatSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Root, "src", "Stagehand.Schema", "Operations", "operations.v1.schema.json");

    private static readonly Lazy<Func<string, ValidationResult>> Validator = new(Build);

    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Schemas, "*.operations.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Schemas, path).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void TheRepositoryHasOperationsFiles() => Assert.True(RepositoryFiles().Count >= 2);

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void EveryOperationsFileOfTheRepositoryIsValid(string relativePath)
    {
        var result = Validator.Value(File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, relativePath)));

        Assert.True(result.IsValid, relativePath + ": " + result);
    }

    [Fact]
    public void TheExampleOfTheDocsIsValid()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "operations.md"));
        var example = Regex.Match(page, "```json\n(?<json>\\{\n  \"\\$schema\".*?)```", RegexOptions.Singleline).Groups["json"].Value;
        Assert.NotEmpty(example);

        var result = Validator.Value(example);

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData("""{ "http": { "getPet": { "method": "get", "path": "/pets", "responses": {} } } }""", "/http/getPet/method", "enum")]
    [InlineData("""{ "http": { "getPet": { "method": "GET", "path": "pets", "responses": {} } } }""", "/http/getPet/path", "pattern")]
    [InlineData("""{ "http": { "getPet": { "method": "GET", "path": "/pets" } } }""", "/http/getPet/responses", "required")]
    [InlineData("""{ "http": { "getPet": { "method": "GET", "path": "/pets", "responses": { "600": {} } } } }""", "/http/getPet/responses/600", "pattern")]
    [InlineData("""{ "http": { "getPet": { "method": "GET", "path": "/pets", "responses": { "200": { "$ref": "" } } } } }""", "/http/getPet/responses/200/$ref", "minLength")]
    [InlineData("""{ "http": { "getPet": { "method": "GET", "path": "/pets", "respones": {}, "responses": {} } } }""", "/http/getPet/respones", "unevaluatedProperties")]
    [InlineData("""{ "http": { "get-pet": { "method": "GET", "path": "/pets", "responses": {} } } }""", "/http/get-pet", "pattern")]
    [InlineData("""{ "http": { "getPet": { "method": "GET", "path": "/pets/{id}", "pathParameters": { "id": { "type": 5 } }, "responses": {} } } }""", "/http/getPet/pathParameters/id/type", "anyOf")]
    [InlineData("""{ "http": { "getPet": { "method": "POST", "path": "/pets", "request": { "required": false }, "responses": {} } } }""", "/http/getPet/request/$ref", "required")]
    [InlineData("""{ "rpc": { "pets.log": { "notification": true, "result": { "$ref": "Log.schema.json" } } } }""", "/rpc/pets.log", "not")]
    [InlineData("""{ "rpc": { "pets.feed": { "errors": { "-0": {} } } } }""", "/rpc/pets.feed/errors/-0", "pattern")]
    [InlineData("""{ "$schema": "https://example.com/ops" }""", "/$schema", "const")]
    [InlineData("""{ "x-stagehand-routes": {} }""", "/x-stagehand-routes", "not")]
    [InlineData("""{ "htp": {} }""", "/htp", "additionalProperties")]
    public void WhatTheFormatDoesNotAllowIsRejected(string json, string pointer, string keyword)
    {
        var result = Validator.Value(json);

        Assert.False(result.IsValid, json + " should be invalid");
        Assert.True(result.Errors.Any(e => e.Pointer == pointer && e.Keyword == keyword), $"{json} should fail {keyword} at '{pointer}', got:\n{result}");
    }

    [Fact]
    public void ExtensionsAreAllowed() =>
        Assert.True(Validator.Value("""{ "x-team": "pets", "http": { "getPet": { "x-owner": 1, "method": "GET", "path": "/pets", "responses": { "200": { "x-cached": true } } } } }""").IsValid);

    [Fact]
    public void TheSchemaSaysWhatTheReaderSays()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var root = schema.RootElement;
        Assert.Equal(OperationsFormat.SchemaUri, root.GetProperty("$id").GetString());
        Assert.Equal(OperationsFormat.SchemaUri, root.GetProperty("properties").GetProperty("$schema").GetProperty("const").GetString());
        Assert.Equal(
            OperationsFormat.HttpMethods,
            root.GetProperty("$defs").GetProperty("httpOperation").GetProperty("properties").GetProperty("method").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    private static Func<string, ValidationResult> Build()
    {
        var result = GeneratorHarness.RunInline(GeneratorHarness.ValidatorMode, ("OperationsFormat.schema.json", File.ReadAllText(SchemaPath)));
        Assert.Empty(result.Diagnostics);
        const string Probe = $$"""
            namespace {{GeneratorHarness.InlineNamespace}}.Probes;

            /// <summary>Calls the generated validation with a byte array, which reflection can pass.</summary>
            public static class Probe
            {
                /// <summary>Validates a document.</summary>
                /// <param name="json">UTF-8 JSON.</param>
                /// <returns>Every violation.</returns>
                public static global::Stagehand.Contracts.ValidationResult Validate(byte[] json) =>
                    global::{{GeneratorHarness.InlineNamespace}}.OperationsFormatSchema.Validate(json);
            }
            """;
        var validate = GeneratorHarness.CompileAndLoad(result, Probe).GetType(GeneratorHarness.InlineNamespace + ".Probes.Probe")!.GetMethod("Validate")!;
        return json => (ValidationResult)validate.Invoke(null, [Encoding.UTF8.GetBytes(json)])!;
    }
}
