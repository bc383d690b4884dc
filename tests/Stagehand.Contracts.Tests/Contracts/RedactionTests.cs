using Stagehand.Contracts.V3;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class RedactionTests
{
    [Fact]
    public void ApiKey_is_redacted_in_ToString()
    {
        var config = new GenericModelConfigObject { ModelName = "openai/gpt-4.1", ApiKey = "sk-secret" };

        string text = config.ToString();

        Assert.DoesNotContain("sk-secret", text, System.StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, System.StringComparison.Ordinal);
        Assert.Contains("openai/gpt-4.1", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitive_headers_are_redacted_in_ToString()
    {
        var config = new GenericModelConfigObject
        {
            ModelName = "openai/gpt-4.1",
            Headers = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, string>("Authorization", "Bearer tok-123")),
        };

        string text = config.ToString();

        Assert.DoesNotContain("tok-123", text, System.StringComparison.Ordinal);
        Assert.Contains("Headers = ***", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_secret_prints_null()
    {
        Assert.Contains("ApiKey = null", new GenericModelConfigObject { ModelName = "m" }.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_stays_redacted_through_unions_and_nesting()
    {
        var generic = new GenericModelConfigObject { ModelName = "openai/gpt-4.1", ApiKey = "sk-secret" };
        ModelSelection selection = (ModelConfig)generic;
        var options = new ActOptions { Model = selection };

        Assert.DoesNotContain("sk-secret", ((ModelConfig)generic).ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", selection.ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", options.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("***", options.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Private_key_of_service_account_is_redacted()
    {
        var credentials = new GoogleServiceAccountCredentials { PrivateKey = "-----BEGIN PRIVATE KEY-----abc", PrivateKeyId = "kid-42", ClientEmail = "svc@example.com" };

        string text = credentials.ToString();

        Assert.DoesNotContain("BEGIN PRIVATE KEY", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("kid-42", text, System.StringComparison.Ordinal);
        Assert.Contains("svc@example.com", text, System.StringComparison.Ordinal);
    }
}
