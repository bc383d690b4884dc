using System;
using System.Linq;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>Issue: Validate "allocates nothing on a valid document beyond its (empty) result" — measured on a warm second call.</summary>
public sealed class ZeroAllocationTests
{
    private static long AllocatedBytes(Func<ValidationResult> validate)
    {
        Valid(validate(), "warm-up");
        long before = GC.GetAllocatedBytesForCurrentThread();
        ValidationResult result = validate();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(ValidationResult.Valid, result);
        return allocated;
    }

    private static readonly byte[] ActRequestJson = Utf8("""
        {"input":"click the login button","options":{"model":{"modelName":"openai/gpt-5.4-mini","apiKey":"sk-test","baseURL":"https://api.openai.com/v1",
          "headers":{"OpenAI-Organization":"org-1"},"openaiEndpointFormat":"chat","provider":"openai"},
          "variables":{"user":"alice","age":42,"admin":false,"pw":{"value":"hunter2","description":"the password"}},"timeout":30000},
         "frameId":null,"streamResponse":false,"cacheThreshold":5,"dropped":{"unknown":[1,2,3]}}
        """);

    private static readonly byte[] LlmListJson = Utf8("""{"success":true,"data":{"llms":[""" + string.Join(",", Enumerable.Range(0, 50).Select(i => $$"""
        {"id":"4f9c3a52-5f55-4a38-9d5e-{{i:x12}}","source":"{{(i % 2 == 0 ? "user" : "system-default")}}","displayName":{{(i % 3 == 0 ? "null" : $"\"LLM {i}\"")}},
         "modelName":"openai/gpt-4.1-nano","baseUrl":{{(i % 2 == 0 ? "null" : "\"https://llm.example.com/v1?i=" + i + "\"")}},"systemPrompt":"Be terse \u00e9.",
         "providerOptions":{{(i % 2 == 0 ? "null" : "{\"temperature\":0.5,\"organization\":\"o\"}")}},"createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00.123+02:00"}
        """)) + "]}}");

    [Fact]
    public void ActRequest_Validate_allocates_nothing_on_a_valid_document()
    {
        long bytes = AllocatedBytes(() => V3.ActRequest.Validate(ActRequestJson));
        Assert.True(bytes == 0, $"ActRequest.Validate allocated {bytes} bytes on a warm call with a valid document (expected 0)");
    }

    [Fact]
    public void ActRequest_Validate_allocates_nothing_under_strict_and_tolerant_policies()
    {
        var json = Utf8("""{"input":{"selector":"#a","description":"A","arguments":["x"]},"options":{"model":"openai/gpt-5.4-mini"},"frameId":"f"}""");
        foreach (var options in new[] { WireAssert.Strict, WireAssert.Tolerant })
        {
            long bytes = AllocatedBytes(() => V3.ActRequest.Validate(json, options));
            Assert.True(bytes == 0, $"ActRequest.Validate ({options.Policy}) allocated {bytes} bytes (expected 0)");
        }
    }

    [Fact]
    public void LLMListResponse_Validate_of_50_items_allocates_nothing()
    {
        long bytes = AllocatedBytes(() => V4.LLMListResponse.Validate(LlmListJson));
        Assert.True(bytes == 0, $"LLMListResponse.Validate (50 items) allocated {bytes} bytes on a warm call with a valid document (expected 0)");
    }

    [Fact]
    public void Other_contract_shapes_validate_without_allocating()
    {
        var cases = new (string Name, Func<ValidationResult> Validate)[]
        {
            ("StreamEvent", () => V3.StreamEvent.Validate(Utf8Cache.Stream)),
            ("BrowserSessionCreateRequest", () => V4.BrowserSessionCreateRequest.Validate(Utf8Cache.Create)),
            ("ModelConfig (vertex, 4-way anyOf)", () => V3.ModelConfig.Validate(Utf8Cache.Vertex)),
            ("LLMSession", () => Internal.LLMSession.Validate(Utf8Cache.Session)),
        };
        foreach (var (name, validate) in cases)
        {
            long bytes = AllocatedBytes(validate);
            Assert.True(bytes == 0, $"{name}.Validate allocated {bytes} bytes on a warm call (expected 0)");
        }
    }

    private static class Utf8Cache
    {
        public static readonly byte[] Stream = Utf8("""{"data":{"status":"finished","result":{"a":[1,"b"]},"actionId":"x","cacheHit":true},"type":"system","id":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}""");
        public static readonly byte[] Create = Utf8("""{"env":"LOCAL","cdpUrl":"ws://x","llmId":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","verbose":2}""");
        public static readonly byte[] Vertex = Utf8("""
            {"modelName":"vertex/gemini-2.5-pro","provider":"vertex","auth":{"type":"googleServiceAccount","credentials":{"private_key":"k","client_email":"a@b","token_uri":"https://oauth2.googleapis.com/token"}},
             "providerOptions":{"vertex":{"project":"p","location":"l"}}}
            """);
        public static readonly byte[] Session = Utf8("""
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","copiedTemplateId":null,"forkedSessionId":null,"projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
             "browserSessionId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z","connectedAt":null,
             "disconnectedAt":null,"lastRequestAt":null,"lastResponseAt":null,"lastErrorAt":null,"lastErrorMessage":null,"status":"idle","model":"m","baseUrl":"https://a.b/c",
             "options":{"x":[1,2]},"extraHttpHeaders":{"a":"b"},"systemPrompt":null,"tokensInput":1,"tokensOutput":2,"tokensReasoning":3,"tokensCachedInput":4,"tokensTotal":10}
            """);
    }
}
