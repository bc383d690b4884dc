using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests.Operations;

/// <summary>STH0015: an operations file reads, and its operations are wired to what they name.</summary>
public sealed class OperationWiringBrokenTests
{
    [Fact]
    public Task AReferenceThatNamesNoSchemaIsReportedAtItsRef() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "errorEnvelope": { "$ref": {|STH0015:"LLMErrorResponce.schema.json"|} },
              "http": {
                "getLLM": {
                  "method": "GET",
                  "path": "/v4/llms/{id}",
                  "pathParameters": { "id": { "$ref": {|STH0015:"LLMId.schema.json"|} } },
                  "responses": {
                    "200": { "$ref": {|STH0015:"LLMResponse.schema.json#/properties/nope"|} },
                    "404": { "$ref": "LLMErrorResponse.schema.json" },
                    "500": { "$ref": "LLMErrorResponse.schema.json#/properties/message" }
                  }
                }
              },
              "rpc": {
                "llm.update": {
                  "params": { "$ref": {|STH0015:"https://example.com/schemas/update"|} },
                  "errors": { "-32602": { "data": { "$ref": {|STH0015:"../v3/Missing.schema.json"|} } } }
                }
              }
            }
            """));

    [Fact]
    public Task APublicFileThatNamesAnInternalContractIsReported() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "x-stagehand-visibility": "public",
              "http": {
                "updateLLM": {
                  "method": "PATCH",
                  "path": "/v4/llms/{id}",
                  "pathParameters": { "id": { "type": "string" } },
                  "request": { "$ref": {|STH0015:"../internal/InternalLLMConfig.schema.json"|} },
                  "responses": { "200": { "$ref": {|STH0015:"../internal/InternalLLMConfig.schema.json#/properties/name"|} }, "404": { "$ref": "LLMErrorResponse.schema.json" } }
                }
              }
            }
            """));

    [Fact]
    public Task AFileWithoutVisibilityIsPublicAndAnInternalFileMayNameInternalContracts() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(
            [
                .. OperationTexts.LlmSchemas(),
                ("v4/llms.operations.json", "{\n  " + OperationTexts.Header + ",\n  \"http\": { \"getLLM\": { \"method\": \"GET\", \"path\": \"/v4/llms\", \"responses\": { \"200\": { \"$ref\": {|STH0015:\"../internal/InternalLLMConfig.schema.json\"|} } } } }\n}"),
                ("internal/llms.operations.json", "{\n  " + OperationTexts.Header + ",\n  \"x-stagehand-visibility\": \"internal\",\n  \"http\": { \"getRow\": { \"method\": \"GET\", \"path\": \"/internal/llms\", \"responses\": { \"200\": { \"$ref\": \"InternalLLMConfig.schema.json\" } } } }\n}"),
            ]);

    [Fact]
    public Task PathParametersThatAreNotTheTemplatesAreReported() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "http": {
                "getLLM": {
                  "method": "GET",
                  "path": {|STH0015:"/v4/llms/{id}"|},
                  "pathParameters": { {|STH0015:"llmId"|}: { "type": "string" } },
                  "responses": { "200": { "$ref": "LLMResponse.schema.json" } }
                },
                "listLLMs": {
                  "method": "GET",
                  "path": "/v4/llms",
                  "pathParameters": { {|STH0015:"id"|}: { "type": "string" } },
                  "responses": { "200": { "$ref": "LLMResponse.schema.json" } }
                },
                "getCall": {
                  "method": "GET",
                  "path": {|STH0015:"/v4/llms/{llmId}/calls/{callId}"|},
                  "pathParameters": { "callId": { "type": "string" } },
                  "responses": { "200": { "$ref": "LLMResponse.schema.json" } }
                }
              }
            }
            """));

    [Fact]
    public Task WhatTheReaderFindsIsReportedAtItsPlace() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "http": {
                "getLLM": {
                  "method": {|STH0015:"get"|},
                  "path": "/v4/llms",
                  {|STH0015:"respones"|}: {},
                  "responses": { "200": { "$ref": "LLMResponse.schema.json" }, {|STH0015:"4xx"|}: { "$ref": "LLMErrorResponse.schema.json" } }
                },
                {|STH0015:"findLLM"|}: { "method": "GET", "path": {|STH0015:"/v4/llms"|} }
              }
            }
            """));

    [Fact]
    public Task ARouteThatAnotherFileHasIsReportedInTheLaterFile() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(
            [
                .. OperationTexts.LlmSchemas(),
                ("v4/a.operations.json", "{ \"http\": { \"getLLM\": { \"method\": \"GET\", \"path\": \"/v4/llms/{id}\", \"pathParameters\": { \"id\": { \"type\": \"string\" } }, \"responses\": {} } } }"),
                ("v4/b.operations.json", "{ \"http\": { \"readLLM\": { \"method\": \"GET\", \"path\": {|STH0015:\"/v4/llms/{llmId}\"|}, \"pathParameters\": { \"llmId\": { \"type\": \"string\" } }, \"responses\": {} }, \"deleteLLM\": { \"method\": \"DELETE\", \"path\": \"/v4/llms/{id}\", \"pathParameters\": { \"id\": { \"type\": \"string\" } }, \"responses\": {} } } }"),
            ]);

    [Fact]
    public Task ReferencesByIdAndByUriResolveAsSchemaReferencesDo() =>
        Verify<OperationWiringBrokenAnalyzer>.SchemasAsync(
            ("v4/Pet.schema.json", "{\n  " + SchemaTexts.Header + ",\n  \"$id\": \"https://example.com/schemas/pet\",\n  \"type\": \"object\",\n  \"$defs\": { \"Id\": { \"$anchor\": \"id\", \"type\": \"string\" } }\n}"),
            ("pets.operations.json", "{ \"http\": { \"getPet\": { \"method\": \"GET\", \"path\": \"/pets/{id}\", \"pathParameters\": { \"id\": { \"$ref\": \"https://example.com/schemas/pet#id\" } }, \"responses\": { \"200\": { \"$ref\": \"https://example.com/schemas/pet\" }, \"404\": { \"$ref\": \"v4/Pet.schema.json#/$defs/Id\" } } } } }"));

    [Fact]
    public void OneBadFileDoesNotBlankTheOthers()
    {
        var diagnostics = AnalyzerRunner.Run(
            [
                .. OperationTexts.LlmSchemas().Select(s => new TestAdditionalText(AnalyzerRunner.SchemaRoot + s.Path, s.Text)),
                new TestAdditionalText(AnalyzerRunner.SchemaRoot + "v4/broken.operations.json", "{ \"http\": { \"getLLM\": "),
                new TestAdditionalText(AnalyzerRunner.SchemaRoot + "v4/llms.operations.json", "{ \"http\": { \"getLLM\": { \"method\": \"GET\", \"path\": \"/v4/llms/{id}\", \"responses\": { \"200\": { \"$ref\": \"Missing.schema.json\" } } } } }"),
            ],
            string.Empty,
            [new OperationWiringBrokenAnalyzer(), new OperationWithoutDocumentedErrorsAnalyzer()]);

        var broken = Assert.Single(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("broken.operations.json", StringComparison.Ordinal));
        Assert.Equal("STH0015", broken.Id);
        Assert.StartsWith("Broken operation wiring at 'json': The operations file is not valid JSON: ", broken.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(
            [
                "STH0015: Broken operation wiring at 'pathParameters': The path '/v4/llms/{id}' of 'getLLM' has the parameter 'id', which its 'pathParameters' do not declare.",
                "STH0015: Broken operation wiring at '$ref': The $ref 'Missing.schema.json' of the 200 response of 'getLLM' names no schema of the build: there is no schema file at '/inline/v4/Missing.schema.json'.",
                "STH0014: The operation 'getLLM' (GET /v4/llms/{id}) documents no error response: list how it fails, by status (400, 404, 500), class (4XX, 5XX) or 'default', each with its error body",
            ],
            diagnostics.Where(d => d != broken).OrderBy(d => d.Id == "STH0014").Select(d => d.Id + ": " + d.GetMessage()));
    }

    [Fact]
    public void TheMessagesSayWhatIsWrongAndWhy()
    {
        var diagnostics = AnalyzerRunner.Run(
            [
                .. OperationTexts.LlmSchemas().Select(s => new TestAdditionalText(AnalyzerRunner.SchemaRoot + s.Path, s.Text)),
                new TestAdditionalText(AnalyzerRunner.SchemaRoot + "v4/Broken.schema.json", "{ not json"),
                new TestAdditionalText(AnalyzerRunner.SchemaRoot + "v4/llms.operations.json", "{ \"http\": { \"listLLMs\": { \"method\": \"GET\", \"path\": \"/v4/llms\", \"pathParameters\": { \"id\": { \"type\": \"string\" } }, \"request\": { \"$ref\": \"../internal/InternalLLMConfig.schema.json\" }, \"responses\": { \"200\": { \"$ref\": \"Broken.schema.json\" }, \"400\": { \"$ref\": \"LLMErrorResponse.txt\" } } } } }"),
            ],
            string.Empty,
            [new OperationWiringBrokenAnalyzer()]);

        Assert.Equal(
            [
                "Broken operation wiring at 'pathParameters': 'id' is declared as a path parameter of 'listLLMs', but its path '/v4/llms' has no '{id}'.",
                "Broken operation wiring at '$ref': The public operations file names the internal contract 'InternalLLMConfig' (internal/InternalLLMConfig.schema.json) for the request of 'listLLMs': a public operation carries public contracts only.",
                "Broken operation wiring at '$ref': The $ref 'Broken.schema.json' of the 200 response of 'listLLMs' names no schema of the build: the schema file does not read (STH0004 says why).",
                "Broken operation wiring at '$ref': The $ref 'LLMErrorResponse.txt' of the 400 response of 'listLLMs' names no schema of the build: schema files end in .schema.json.",
            ],
            diagnostics.Select(d => d.GetMessage()));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }
}
