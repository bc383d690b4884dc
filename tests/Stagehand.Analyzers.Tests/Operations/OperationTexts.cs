namespace Stagehand.Analyzers.Tests.Operations;

/// <summary>Small schemas and operations texts the operations rule tests share.</summary>
internal static class OperationTexts
{
    public const string Header = "\"$schema\": \"https://stagehand-contracts.dev/schemas/operations.v1.json\"";

    /// <summary>The public schemas an LLM route names: its request, its success and error envelopes, another envelope, and an internal row.</summary>
    public static (string Path, string Text)[] LlmSchemas() =>
    [
        ("v4/LLMResponse.schema.json", SchemaTexts.PublicObject()),
        ("v4/LLMErrorResponse.schema.json", SchemaTexts.PublicObject("\"message\": { \"type\": \"string\" }")),
        ("v4/LLMUpdateRequest.schema.json", SchemaTexts.PublicObject()),
        ("v3/ErrorResponse.schema.json", SchemaTexts.PublicObject("\"error\": { \"type\": \"string\" }")),
        ("internal/InternalLLMConfig.schema.json", SchemaTexts.InternalObject()),
    ];

    /// <summary>The schemas plus one operations file, <c>v4/llms.operations.json</c>.</summary>
    public static (string Path, string Text)[] WithOperations(string operations) =>
        [.. LlmSchemas(), ("v4/llms.operations.json", operations)];
}
