using System.Threading.Tasks;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Analyzers.Rules;
using Stagehand.Analyzers.Tests.Infrastructure;

namespace Stagehand.Analyzers.Tests;

/// <summary>STH0006, from seed 000: "persisted public LLM configs remain non-secret".</summary>
public sealed class SecretInPublicResourceTests
{
    private static string LlmConfig(string apiKey) => """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "description": "A reusable LLM configuration that browser sessions refer to by id.",
          "x-stagehand-visibility": "public",
          "x-stagehand-persisted": true,
          "type": "object",
          "properties": {
            "id": { "type": "string", "format": "uuid", "readOnly": true },
            "modelName": { "type": "string" },
        """ + apiKey + """

            "providerOptions": { "anyOf": [{ "$ref": "LLMProviderOptions.schema.json" }, { "type": "null" }] }
          },
          "required": ["id", "modelName", "providerOptions"],
          "additionalProperties": false
        }
        """;

    private static string ProviderOptions(string extra = "") => """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-stagehand-visibility": "public",
          "type": "object",
          "properties": {
        """ + extra + """

            "temperature": { "type": "number" }
          }
        }
        """;

    [Fact]
    public Task SeedApiKeyOnAPublicPersistedLlmConfigIsReported() =>
        Verify<SecretInPublicResourceAnalyzer>.SchemasAsync(
            ("LLMConfig.schema.json", LlmConfig("    {|STH0006:\"apiKey\"|}: { \"type\": \"string\" },")),
            ("LLMProviderOptions.schema.json", ProviderOptions()));

    [Theory]
    [InlineData("    \"apiKey\": { \"type\": \"string\", \"x-stagehand-sensitive\": true },")]
    [InlineData("    \"apiKey\": { \"type\": \"string\", \"writeOnly\": true },")]
    [InlineData("")]
    public Task FixedLlmConfigIsSilent(string apiKey) =>
        Verify<SecretInPublicResourceAnalyzer>.SchemasAsync(
            ("LLMConfig.schema.json", LlmConfig(apiKey)),
            ("LLMProviderOptions.schema.json", ProviderOptions()));

    [Fact]
    public Task SecretReachedThroughARefIsReportedWhereItIsDeclared() =>
        Verify<SecretInPublicResourceAnalyzer>.SchemasAsync(
            ("LLMConfig.schema.json", LlmConfig(string.Empty)),
            ("LLMProviderOptions.schema.json", ProviderOptions("    {|STH0006:\"accessToken\"|}: { \"type\": \"string\" },\n    \"token_uri\": { \"type\": \"string\" },\n    \"tokensUsed\": { \"type\": \"integer\" },")));

    [Fact]
    public Task SecretsBelowASensitiveMemberAndInResourcesThatAreNotPersistedOrPublicAreNotReported() =>
        Verify<SecretInPublicResourceAnalyzer>.SchemasAsync(
            ("Session.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "x-stagehand-visibility": "public",
                  "x-stagehand-persisted": true,
                  "type": "object",
                  "properties": {
                    "proxy": {
                      "type": "object",
                      "properties": { "password": { "type": "string", "x-stagehand-sensitive": true } }
                    },
                    "auth": { "type": "object", "x-stagehand-sensitive": true, "properties": { "token": { "type": "string" } } }
                  }
                }
                """),
            ("Request.schema.json", "{\n  " + SchemaTexts.Header + ",\n  \"type\": \"object\",\n  \"properties\": { \"apiKey\": { \"type\": \"string\" } }\n}"),
            ("Row.schema.json", "{\n  " + SchemaTexts.InternalHeader + ",\n  \"x-stagehand-persisted\": true,\n  \"type\": \"object\",\n  \"properties\": { \"apiKey\": { \"type\": \"string\" } }\n}"));

    [Theory]
    [InlineData("apiKey", true)]
    [InlineData("api_key", true)]
    [InlineData("API_KEY", true)]
    [InlineData("x-api-key", true)]
    [InlineData("token", true)]
    [InlineData("accessToken", true)]
    [InlineData("clientSecret", true)]
    [InlineData("password", true)]
    [InlineData("authorization", true)]
    [InlineData("credentials", true)]
    [InlineData("private_key", true)]
    [InlineData("sessionCookie", true)]
    [InlineData("tokensInput", false)]
    [InlineData("input_tokens", false)]
    [InlineData("token_uri", false)]
    [InlineData("private_key_id", false)]
    [InlineData("cacheKey", false)]
    [InlineData("maxTokens", false)]
    [InlineData("tokenCount", false)]
    [InlineData("modelName", false)]
    [InlineData("passwordSet", false)]
    public void SecretNamesAreRecognisedByWords(string name, bool secret) => Assert.Equal(secret, SecretNames.LooksSecret(name));
}
