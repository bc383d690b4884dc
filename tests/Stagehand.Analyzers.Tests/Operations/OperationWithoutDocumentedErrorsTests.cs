using System.Linq;
using System.Threading.Tasks;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests.Operations;

/// <summary>STH0014: an operation documents how it fails, in the file's error envelope.</summary>
public sealed class OperationWithoutDocumentedErrorsTests
{
    [Fact]
    public Task ARouteDocumentedWithOnlyItsSuccessIsReportedAtItsId() =>
        Verify<OperationWithoutDocumentedErrorsAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "errorEnvelope": { "$ref": "LLMErrorResponse.schema.json" },
              "http": {
                {|STH0014:"getLLM"|}: {
                  "method": "GET",
                  "path": "/v4/llms/{id}",
                  "pathParameters": { "id": { "type": "string", "format": "uuid" } },
                  "responses": { "200": { "$ref": "LLMResponse.schema.json" } }
                }
              }
            }
            """));

    [Fact]
    public Task StatusesClassesAndDefaultAllDocumentErrors() =>
        Verify<OperationWithoutDocumentedErrorsAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "http": {
                "getLLM": { "method": "GET", "path": "/v4/llms/{id}", "pathParameters": { "id": { "type": "string" } }, "responses": { "200": { "$ref": "LLMResponse.schema.json" }, "404": { "$ref": "LLMErrorResponse.schema.json" } } },
                "listLLMs": { "method": "GET", "path": "/v4/llms", "responses": { "200": { "$ref": "LLMResponse.schema.json" }, "5XX": { "$ref": "LLMErrorResponse.schema.json" } } },
                "createLLM": { "method": "POST", "path": "/v4/llms", "responses": { "200": { "$ref": "LLMResponse.schema.json" }, "default": { "$ref": "LLMErrorResponse.schema.json" } } }
              }
            }
            """));

    [Fact]
    public Task AnErrorResponseOutsideTheEnvelopeIsReportedAtItsRefAndOneWithoutABodyAtItsStatus() =>
        Verify<OperationWithoutDocumentedErrorsAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "errorEnvelope": { "$ref": "LLMErrorResponse.schema.json" },
              "http": {
                "deleteLLM": {
                  "method": "DELETE",
                  "path": "/v4/llms/{id}",
                  "pathParameters": { "id": { "type": "string" } },
                  "responses": {
                    "204": {},
                    "400": { "$ref": "./LLMErrorResponse.schema.json#" },
                    "404": { "$ref": {|STH0014:"../v3/ErrorResponse.schema.json"|} },
                    {|STH0014:"500"|}: { "description": "The server failed." },
                    "default": { "$ref": "Nowhere.schema.json" }
                  }
                }
              }
            }
            """));

    [Fact]
    public Task WithoutAnEnvelopeAnyErrorBodyDocumentsTheError() =>
        Verify<OperationWithoutDocumentedErrorsAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "http": {
                "deleteLLM": { "method": "DELETE", "path": "/v4/llms/{id}", "pathParameters": { "id": { "type": "string" } }, "responses": { "204": {}, "404": { "$ref": "../v3/ErrorResponse.schema.json" }, "500": {} } }
              }
            }
            """));

    [Fact]
    public Task AJsonRpcMethodWithoutErrorCodesIsReportedAndANotificationIsNot() =>
        Verify<OperationWithoutDocumentedErrorsAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "rpc": {
                {|STH0014:"llm.update"|}: { "params": { "$ref": "LLMUpdateRequest.schema.json" }, "result": { "$ref": "LLMResponse.schema.json" } },
                {|STH0014:"llm.get"|}: { "result": { "$ref": "LLMResponse.schema.json" }, "errors": {} },
                "llm.delete": { "errors": { "-32602": { "message": "Invalid params", "data": { "$ref": "LLMErrorResponse.schema.json" } } } },
                "llm.changed": { "notification": true, "params": { "$ref": "LLMResponse.schema.json" } }
              }
            }
            """));

    [Fact]
    public Task AnOperationWithoutResponsesIsLeftToTheWiringRule() =>
        Verify<OperationWithoutDocumentedErrorsAnalyzer>.SchemasAsync(OperationTexts.WithOperations("{\n  " + OperationTexts.Header + """
            ,
              "http": { "listLLMs": { "method": "GET", "path": "/v4/llms" } }
            }
            """));

    [Fact]
    public void TheMessagesNameTheOperationItsRouteAndTheEnvelope()
    {
        var diagnostics = AnalyzerRunner.Run(
            [
                .. OperationTexts.LlmSchemas().Select(s => new TestAdditionalText(AnalyzerRunner.SchemaRoot + s.Path, s.Text)),
                new TestAdditionalText(AnalyzerRunner.SchemaRoot + "v4/llms.operations.json", "{\n  " + OperationTexts.Header + """
                    ,
                      "errorEnvelope": { "$ref": "LLMErrorResponse.schema.json" },
                      "http": {
                        "getLLM": { "method": "GET", "path": "/v4/llms/{id}", "pathParameters": { "id": { "type": "string" } }, "responses": { "200": { "$ref": "LLMResponse.schema.json" } } },
                        "deleteLLM": { "method": "DELETE", "path": "/v4/llms/{id}", "pathParameters": { "id": { "type": "string" } }, "responses": { "404": { "$ref": "../v3/ErrorResponse.schema.json" }, "500": {} } }
                      },
                      "rpc": { "llm.get": {} }
                    }
                    """),
            ],
            string.Empty,
            [new OperationWithoutDocumentedErrorsAnalyzer()]);

        Assert.Equal(
            [
                "The operation 'getLLM' (GET /v4/llms/{id}) documents no error response: list how it fails, by status (400, 404, 500), class (4XX, 5XX) or 'default', each with its error body",
                "The operation 'deleteLLM' (DELETE /v4/llms/{id}) answers 404 with '../v3/ErrorResponse.schema.json', not with the file's errorEnvelope 'LLMErrorResponse.schema.json'",
                "The operation 'deleteLLM' (DELETE /v4/llms/{id}) answers 500 without a body, while the file's errors are written in its errorEnvelope 'LLMErrorResponse.schema.json'",
                "The operation 'llm.get' documents no error: list the JSON-RPC error codes it answers with under 'errors' (such as -32602 for invalid params)",
            ],
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity));
    }
}
