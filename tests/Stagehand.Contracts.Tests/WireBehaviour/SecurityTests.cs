using System;
using System.Linq;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// Sensitive members (model config apiKey and headers, auth tokens, service-account private keys) never show in ToString()
/// and never in a validation message, even when they are the invalid value (issue "Security").
/// </summary>
public sealed class SecurityTests
{
    private const string ApiKey = "sk-SECRET-apikey-0001";
    private const string HeaderValue = "Bearer SECRET-header-0002";
    private const string Token = "SECRET-entra-token-0003";
    private const string PrivateKey = "-----BEGIN PRIVATE KEY-----SECRET-pk-0004-----END PRIVATE KEY-----";
    private const string PrivateKeyId = "SECRET-pkid-0005";
    private const string CdpHeader = "SECRET-cdp-0006";
    private const string ProxyPassword = "SECRET-proxy-0007";

    private static readonly string[] Secrets = { ApiKey, HeaderValue, Token, PrivateKey, PrivateKeyId, CdpHeader, ProxyPassword, "SECRET" };

    private static void NoSecret(string text, string what)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} reveals '{secret}': {text}");
        }
    }

    private static void NoSecret(ValidationResult result, string what)
    {
        Assert.False(result.IsValid, $"{what}: expected the document to be invalid");
        foreach (var error in result.Errors)
        {
            NoSecret(error.Message, what + " message");
            NoSecret(error.Pointer, what + " pointer");
        }

        NoSecret(result.ToString(), what + " result");
    }

    private static V3.GenericModelConfigObject Generic() => new()
    {
        ModelName = "openai/gpt-5.4-mini",
        ApiKey = ApiKey,
        Headers = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, string>("Authorization", HeaderValue)),
    };

    private static V3.VertexModelConfigObject Vertex() => new()
    {
        ModelName = "vertex/gemini-2.5-pro",
        ApiKey = ApiKey,
        Auth = new V3.GoogleServiceAccountAuth
        {
            Credentials = new V3.GoogleServiceAccountCredentials { PrivateKey = PrivateKey, PrivateKeyId = PrivateKeyId, ClientEmail = "sa@p.iam.gserviceaccount.com" },
        },
        ProviderOptions = new V3.VertexModelProviderOptions
        {
            Vertex = new V3.VertexProviderOptions
            {
                Project = "p",
                Location = "us-central1",
                Headers = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, string>("x-goog", HeaderValue)),
            },
        },
    };

    private static V3.AzureEntraModelConfigObject Entra() => new()
    {
        ModelName = "azure/gpt-4o",
        ProviderOptions = new V3.AzureModelProviderOptions
        {
            Azure = new V3.AzureProviderOptions { ResourceName = "r", Headers = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, string>("api-key", HeaderValue)) },
        },
        Auth = new V3.AzureEntraIdAuth { Token = Token },
    };

    [Fact]
    public void Sensitive_members_are_redacted_in_ToString_of_the_records_that_hold_them()
    {
        NoSecret(Generic().ToString(), "GenericModelConfigObject");
        NoSecret(Vertex().ToString(), "VertexModelConfigObject");
        NoSecret(Vertex().Auth.ToString(), "GoogleServiceAccountAuth");
        NoSecret(Vertex().Auth.Credentials.ToString(), "GoogleServiceAccountCredentials");
        NoSecret(Entra().ToString(), "AzureEntraModelConfigObject");
        NoSecret(new V3.AzureEntraIdAuth { Token = Token }.ToString(), "AzureEntraIdAuth");
        NoSecret(new V3.AzureApiKeyModelConfigObject { ModelName = "m", ApiKey = ApiKey, ProviderOptions = Entra().ProviderOptions }.ToString(), "AzureApiKeyModelConfigObject");

        // The non-secret members are still shown.
        Assert.Contains("openai/gpt-5.4-mini", Generic().ToString(), StringComparison.Ordinal);
        Assert.Contains("sa@p.iam.gserviceaccount.com", Vertex().Auth.Credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitive_members_are_redacted_when_nested_in_requests_and_unions()
    {
        var act = new V3.ActRequest
        {
            Input = "click",
            Options = new V3.ActOptions { Model = V3.ModelSelection.FromConfig(V3.ModelConfig.FromGeneric(Generic())) },
        };
        NoSecret(act.ToString(), "ActRequest");
        NoSecret(act.Options.ToString(), "ActOptions");
        NoSecret(act.Options.Model.ToString()!, "ModelSelection");

        var agent = new V3.AgentExecuteRequest
        {
            AgentConfig = new V3.AgentConfig
            {
                Model = V3.ModelSelection.FromConfig(V3.ModelConfig.FromVertex(Vertex())),
                ExecutionModel = V3.ModelSelection.FromConfig(V3.ModelConfig.FromAzureEntra(Entra())),
            },
            ExecuteOptions = new V3.AgentExecuteOptions { Instruction = "go" },
        };
        NoSecret(agent.ToString(), "AgentExecuteRequest");
        NoSecret(V3.ModelAuth.FromAzureEntraId(new V3.AzureEntraIdAuth { Token = Token }).ToString(), "ModelAuth");

        var start = new V3.SessionStartRequest
        {
            ModelName = "m",
            Browser = new V3.BrowserConfig
            {
                LaunchOptions = new V3.LocalBrowserLaunchOptions
                {
                    CdpHeaders = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, string>("Authorization", CdpHeader)),
                    Proxy = new V3.LocalBrowserProxy { Server = "http://p", Password = ProxyPassword },
                },
            },
        };
        NoSecret(start.ToString(), "SessionStartRequest");
    }

    [Fact]
    public void Sensitive_members_read_from_JSON_are_redacted_in_ToString()
    {
        var json = Utf8("""
            {"input":"click","options":{"model":{"modelName":"openai/gpt-5.4-mini","apiKey":"API_KEY","headers":{"Authorization":"HEADER"}}}}
            """.Replace("API_KEY", ApiKey, StringComparison.Ordinal).Replace("HEADER", HeaderValue, StringComparison.Ordinal));
        var parsed = V3.ActRequest.Parse(json);
        NoSecret(parsed.ToString(), "parsed ActRequest");

        // The secret is kept, only hidden from display.
        Assert.True(parsed.Options!.Model!.Value.TryGetConfig(out var config));
        Assert.True(config.TryGetGeneric(out var generic));
        Assert.Equal(ApiKey, generic!.ApiKey);
        Assert.Contains(ApiKey, System.Text.Encoding.UTF8.GetString(Write(parsed.WriteTo)), StringComparison.Ordinal);

        var session = Internal.LLMSession.Parse(Utf8($$"""
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","copiedTemplateId":null,"forkedSessionId":null,"projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
             "browserSessionId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z","connectedAt":null,
             "disconnectedAt":null,"lastRequestAt":null,"lastResponseAt":null,"lastErrorAt":null,"lastErrorMessage":null,"status":"idle","model":"m","baseUrl":null,
             "options":null,"extraHttpHeaders":{"Authorization":"{{HeaderValue}}"},"systemPrompt":null,"tokensInput":0,"tokensOutput":0,"tokensReasoning":0,"tokensCachedInput":0,"tokensTotal":0}
            """));
        NoSecret(session.ToString(), "LLMSession");
    }

    [Fact]
    public void An_apiKey_of_the_wrong_type_is_not_echoed()
    {
        var json = Utf8("""{"modelName":"openai/gpt-5.4-mini","apiKey":12345}""");
        var result = V3.GenericModelConfigObject.Validate(json);
        ExactErrors(result, ("/apiKey", "type"));
        Assert.DoesNotContain("12345", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", result.ToString(), StringComparison.Ordinal);
        var thrown = Assert.Throws<ContractValidationException>(() => V3.GenericModelConfigObject.Parse(json));
        Assert.DoesNotContain("12345", thrown.Message, StringComparison.Ordinal);

        var act = V3.ActRequest.Validate(Utf8("""{"input":"x","options":{"model":{"modelName":"m","apiKey":12345}}}"""));
        Assert.False(act.IsValid);
        Assert.All(act.Errors, e => Assert.DoesNotContain("12345", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"modelName":"m","provider":"{0}"}""")]                          // secret where an enum belongs
    [InlineData("""{"modelName":"m","baseURL":"{0}"}""")]                           // secret where a URI belongs
    [InlineData("""{"modelName":"m","openaiEndpointFormat":"{0}"}""")]
    [InlineData("""{"modelName":"m","headers":"{0}"}""")]                           // string where the header map belongs
    [InlineData("""{"modelName":"m","headers":{"Authorization":["{0}"]}}""")]       // header value of the wrong type
    [InlineData("""{"modelName":"m","apiKey":["{0}"]}""")]
    [InlineData("""{"modelName":"m","apiKey":{"value":"{0}"}}""")]
    [InlineData("""{"modelName":"m","{0}":"x"}""")]                                 // secret pasted as a member name
    [InlineData("""{"modelName":"m","api_key":"{0}"}""")]                          // misspelt member holding the secret
    [InlineData("""{"modelName":"m","apiKey":"{0}","apiKey":"{0}"}""")]              // duplicated secret
    [InlineData("{\"modelName\":\"m\",\"apiKey\":\"{0}\u0001\"}")]                 // secret with a raw control character
    [InlineData("""{"modelName":"m","apiKey":"{0}\ud800"}""")]                       // secret with a lone surrogate
    public void A_secret_in_the_wrong_place_is_never_echoed_in_messages(string template)
    {
        var json = Utf8(template.Replace("{0}", ApiKey, StringComparison.Ordinal));
        var result = V3.GenericModelConfigObject.Validate(json);
        Assert.False(result.IsValid);
        foreach (var error in result.Errors)
        {
            NoSecret(error.Message, $"message of {error.Keyword} at {error.Pointer}");
        }

        Assert.False(V3.GenericModelConfigObject.TryParse(json, out _, out var parsed));
        Assert.All(parsed.Errors, e => NoSecret(e.Message, "TryParse message"));
        var thrown = Assert.Throws<ContractValidationException>(() => V3.GenericModelConfigObject.Parse(json));

        // The exception message is what ends up in logs: only pointers (a member name may appear there) and plain messages.
        var withoutPointers = thrown.Result.Errors.Aggregate(thrown.Message, (text, e) => text.Replace(e.Pointer, string.Empty, StringComparison.Ordinal));
        NoSecret(withoutPointers, "exception message");
    }

    [Fact]
    public void Secrets_in_tokens_and_private_keys_of_the_wrong_shape_are_not_echoed()
    {
        NoSecret(V3.AzureEntraIdAuth.Validate(Utf8($$"""{"type":"{{Token}}","token":"t"}""")), "AzureEntraIdAuth type");
        NoSecret(V3.AzureEntraIdAuth.Validate(Utf8($$"""{"type":"azureEntraId","token":["{{Token}}"]}""")), "AzureEntraIdAuth token");
        NoSecret(V3.AzureEntraIdAuth.Validate(Utf8($$"""{"type":"azureEntraId","token":"{{Token}}","extra":"{{Token}}"}""")), "AzureEntraIdAuth extra");
        NoSecret(V3.GoogleServiceAccountCredentials.Validate(Utf8($$"""{"private_key":"{{PrivateKey}}","client_email":1,"auth_uri":"{{PrivateKeyId}}"}""")), "credentials");
        NoSecret(V3.GoogleServiceAccountCredentials.Validate(Utf8($$"""{"private_key":{"pem":"{{PrivateKey}}"},"client_email":"a@b"}""")), "credentials private_key");
        NoSecret(V3.ModelConfig.Validate(Utf8("""{"modelName":"m","provider":"azure","apiKey":"API_KEY","auth":{"type":"azureEntraId","token":"TOKEN"},"providerOptions":{"azure":{}}}""".Replace("API_KEY", ApiKey, StringComparison.Ordinal).Replace("TOKEN", Token, StringComparison.Ordinal))), "apiKey and auth together");
        NoSecret(V3.AzureEntraIdAuth.Validate(Utf8($$"""{"type":"azureEntraId","token":"{{Token}}"}"""), new ContractReadOptions { MaxStringLength = 8 }), "token too long");
    }

    [Fact]
    public void In_memory_validation_messages_do_not_echo_secrets()
    {
        var bad = new V3.GenericModelConfigObject { ModelName = null!, ApiKey = ApiKey, BaseURL = new Uri(ApiKey, UriKind.Relative) };
        NoSecret(bad.Validate(), "in-memory GenericModelConfigObject");
        var badAuth = new V3.AzureEntraIdAuth { Token = string.Empty };
        var result = badAuth.Validate();
        HasError(result, "/token", "minLength");
    }
}
