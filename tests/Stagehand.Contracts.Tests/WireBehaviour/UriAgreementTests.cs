using System;
using System.Linq;
using System.Text.Json;
using CsCheck;
using Stagehand.Contracts.Tests.Support;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// Issue #10: for a <c>format: uri</c> member, Validate and TryParse must apply the same rule. A contract uri is an RFC 3986
/// URI that <see cref="System.Uri"/> also represents (docs/schema-dialect.md), so Validate must refuse what Parse cannot build.
/// </summary>
public sealed class UriAgreementTests
{
    private static byte[] LlmCreate(string uri) => JsonSerializer.SerializeToUtf8Bytes(new { modelName = "m", baseUrl = uri });

    private static byte[] Credentials(string uri) => JsonSerializer.SerializeToUtf8Bytes(new { private_key = "k", client_email = "a@b", token_uri = uri });

    [Theory]
    [InlineData("http:./localhost:9222/devtools")]
    [InlineData("a:b")]
    [InlineData("http://user@:80")]
    [InlineData("https://example.com'p?q=1")]
    [InlineData("http://example.com:99999/")]
    public void A_uri_System_Uri_refuses_is_a_format_error_for_Validate_and_for_TryParse(string uri)
    {
        Assert.Null(StringRules.Uri.Check(uri)); // RFC 3986 allows it ...
        Assert.False(System.Uri.TryCreate(uri, UriKind.Absolute, out _)); // ... System.Uri does not.

        var json = LlmCreate(uri);
        ExactErrors(V4.LLMCreateRequest.Validate(json), ("/baseUrl", "format"));
        Assert.False(V4.LLMCreateRequest.TryParse(json, out _, out var result));
        ExactErrors(result, ("/baseUrl", "format"));
        Assert.Throws<ContractValidationException>(() => V4.LLMCreateRequest.Parse(json));

        var credentials = Credentials(uri);
        ExactErrors(V3.GoogleServiceAccountCredentials.Validate(credentials), ("/token_uri", "format"));
        Assert.False(V3.GoogleServiceAccountCredentials.TryParse(credentials, out _, out var credentialsResult));
        ExactErrors(credentialsResult, ("/token_uri", "format"));
    }

    [Fact]
    public void Validate_and_TryParse_give_the_same_verdict_and_errors_for_every_uri()
    {
        var contracts = new (string Name, Func<string, byte[]> Document)[] { ("LLMCreateRequest", LlmCreate), ("GoogleServiceAccountCredentials", Credentials) };
        UriGen.Uri.Sample(uri =>
        {
            var expected = StringRules.Uri.Check(uri) is null && System.Uri.TryCreate(uri, UriKind.Absolute, out _);
            foreach (var (name, document) in contracts)
            {
                Assert.True(StagehandContracts.Registry.TryGet(name, out var contract));
                var json = document(uri);
                var verdict = contract!.Validate(json, null);
                var parsed = contract.TryParse(json, null, out var value, out var result);
                Assert.True(verdict.IsValid == parsed, $"{name} {uri}: Validate says {Describe(verdict)}, TryParse says {Describe(result)}");
                Assert.Equal(Describe(verdict), Describe(result));
                Assert.True(expected == verdict.IsValid, $"{name} {uri}: expected {(expected ? "valid" : "a format error")}, got {Describe(verdict)}");
                if (value is V4.LLMCreateRequest request)
                {
                    Assert.Equal(uri, request.BaseUrl.GetValueOrDefault(null)?.OriginalString);
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void The_allocation_free_shortcut_only_vouches_for_uris_System_Uri_accepts()
    {
        var shortcuts = 0;
        UriGen.Uri.Where(uri => StringRules.Uri.Check(uri) is null).Sample(uri =>
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(uri);
            var accepted = System.Uri.TryCreate(uri, UriKind.Absolute, out _);
            if (Formats.SurelyFitsSystemUri(utf8))
            {
                System.Threading.Interlocked.Increment(ref shortcuts);
                Assert.True(accepted, uri + ": the shortcut vouches for a URI System.Uri refuses");
            }

            Assert.Equal(accepted, Formats.FitsSystemUri(utf8, create: false, out _));
            Assert.Equal(accepted, Formats.FitsSystemUri(utf8, create: true, out var created));
            Assert.Equal(accepted ? uri : null, created?.OriginalString);
        }, iter: 50_000);
        Assert.True(shortcuts > 5_000, $"only {shortcuts} of 50,000 URIs took the shortcut: the property says little about it");
    }

    [Theory]
    [InlineData("https://api.openai.com/v1")]
    [InlineData("http://localhost:9222/devtools/browser/4f9c3a52?x=1#top")]
    [InlineData("wss://connect.browserbase.com:443/")]
    [InlineData("HTTP://10.0.0.1:8080")]
    [InlineData("https://oauth2.googleapis.com/token")]
    public void Validating_an_everyday_uri_allocates_nothing(string uri)
    {
        var json = LlmCreate(uri);
        Valid(V4.LLMCreateRequest.Validate(json));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = V4.LLMCreateRequest.Validate(json);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal(0, allocated);
    }
}
