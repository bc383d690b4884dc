using System;
using System.Linq;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>Every violation of a document is reported, each with the exact JSON Pointer and keyword (issue: "reports every violation, not just the first").</summary>
public sealed class ErrorReportingTests
{
    private const string BrokenActRequest = """
        {
          "input": {"selector": 5, "description": "Login", "arguments": ["a", 1]},
          "options": {
            "model": "openai/gpt-5.4-mini",
            "variables": {"a": "fine", "b": {"value": [1, 2]}, "c": {"description": "has no value"}, "d": null},
            "timeout": "30s"
          },
          "frameId": 7,
          "streamResponse": "true",
          "cacheThreshold": 0
        }
        """;

    private static readonly (string, string)[] BrokenActRequestErrors =
    {
        ("/input/selector", "type"),
        ("/input/arguments/1", "type"),
        ("/options/variables/b/value", "anyOf"),
        ("/options/variables/c/value", "required"),
        ("/options/variables/d", "anyOf"),
        ("/options/timeout", "type"),
        ("/frameId", "type"),
        ("/streamResponse", "type"),
        ("/cacheThreshold", "minimum"),
    };

    [Fact]
    public void Every_violation_of_an_ActRequest_is_listed_with_pointer_and_keyword()
    {
        var json = Utf8(BrokenActRequest);
        var result = V3.ActRequest.Validate(json);
        ExactErrors(result, BrokenActRequestErrors);
        Assert.False(result.IsTruncated);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void TryParse_and_Parse_report_the_same_violations_as_Validate()
    {
        var json = Utf8(BrokenActRequest);
        var validated = V3.ActRequest.Validate(json);
        Assert.False(V3.ActRequest.TryParse(json, out var value, out var parsed));
        Assert.Null(value);
        Assert.Equal(validated.Errors, parsed.Errors);
        var thrown = Assert.Throws<ContractValidationException>(() => V3.ActRequest.Parse(json));
        Assert.Equal(validated.Errors, thrown.Result.Errors);
        Assert.Equal("ActRequest", thrown.Contract);
        foreach (var error in validated.Errors)
        {
            Assert.Contains(error.Pointer, thrown.Message, StringComparison.Ordinal);
        }
    }

    private const string BrokenLlmList = """
        {"success": true, "data": {"llms": [
          {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","source":"user","displayName":"ok","modelName":"openai/gpt-4.1-nano","baseUrl":null,
           "systemPrompt":null,"providerOptions":null,"createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z"},
          {"id":"llm_01JXAMPLE","source":"admin","displayName":7,"baseUrl":"not a uri","systemPrompt":null,
           "providerOptions":{"temperature":"hot","organization":null},"createdAt":"yesterday","updatedAt":"2026-02-30T12:00:00Z"}
        ]}}
        """;

    private static readonly (string, string)[] BrokenLlmListErrors =
    {
        ("/data/llms/1/id", "format"),
        ("/data/llms/1/source", "enum"),
        ("/data/llms/1/displayName", "type"),
        ("/data/llms/1/baseUrl", "format"),
        ("/data/llms/1/providerOptions/temperature", "type"),
        ("/data/llms/1/providerOptions/organization", "type"),
        ("/data/llms/1/createdAt", "format"),
        ("/data/llms/1/updatedAt", "format"),
        ("/data/llms/1/modelName", "required"),
    };

    [Fact]
    public void Every_violation_in_a_list_of_LLM_configs_is_listed_with_uuid_uri_date_time_enum_and_required()
    {
        var json = Utf8(BrokenLlmList);
        ExactErrors(V4.LLMListResponse.Validate(json), BrokenLlmListErrors);
        Assert.False(V4.LLMListResponse.TryParse(json, out _, out var parsed));
        ExactErrors(parsed, BrokenLlmListErrors);
    }

    [Fact]
    public void Internal_LLMSession_integer_and_date_time_violations_are_all_reported()
    {
        var json = Utf8("""
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","copiedTemplateId":"nope","forkedSessionId":null,
             "projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d","browserSessionId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
             "createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01 12:00:00","connectedAt":null,"disconnectedAt":null,
             "lastRequestAt":null,"lastResponseAt":null,"lastErrorAt":null,"lastErrorMessage":null,"status":"sleeping",
             "model":"openai/gpt-5-nano","baseUrl":"ftp//broken","options":null,"extraHttpHeaders":{"x-a":1},"systemPrompt":null,
             "tokensInput":-1,"tokensOutput":1.5,"tokensReasoning":"0","tokensCachedInput":0,"tokensTotal":2147483648}
            """);
        ExactErrors(Internal.LLMSession.Validate(json),
            ("/copiedTemplateId", "format"),
            ("/updatedAt", "format"),
            ("/status", "enum"),
            ("/baseUrl", "format"),
            ("/extraHttpHeaders/x-a", "type"),
            ("/tokensInput", "minimum"),
            ("/tokensOutput", "type"),
            ("/tokensReasoning", "type"),
            ("/tokensTotal", "type"));
    }

    [Fact]
    public void Missing_required_members_are_each_reported_at_their_own_pointer()
    {
        ExactErrors(V3.AgentExecuteRequest.Validate(Utf8("{}")), ("/agentConfig", "required"), ("/executeOptions", "required"));
        ExactErrors(V3.AgentExecuteRequest.Validate(Utf8("""{"agentConfig":{},"executeOptions":{}}""")), ("/executeOptions/instruction", "required"));
        ExactErrors(V4.BrowserSession.Validate(Utf8("{}")),
            ("/id", "required"), ("/projectId", "required"), ("/env", "required"), ("/status", "required"), ("/available", "required"),
            ("/cdpUrl", "required"), ("/browserbaseSessionId", "required"), ("/browserbaseSessionCreateParams", "required"),
            ("/localBrowserLaunchOptions", "required"), ("/domSettleTimeoutMs", "required"), ("/verbose", "required"), ("/selfHeal", "required"),
            ("/waitForCaptchaSolves", "required"), ("/experimental", "required"), ("/actTimeoutMs", "required"), ("/llmId", "required"),
            ("/actLlmId", "required"), ("/observeLlmId", "required"), ("/extractLlmId", "required"), ("/createdAt", "required"),
            ("/updatedAt", "required"), ("/endedAt", "required"));
    }

    [Fact]
    public void Pointers_escape_slash_and_tilde_in_member_names()
    {
        var result = V3.ActRequest.Validate(Utf8("""{"input":"x","options":{"variables":{"a/b~c":[1]}}}"""));
        ExactErrors(result, ("/options/variables/a~1b~0c", "anyOf"));
    }

    [Fact]
    public void Pointers_use_the_unescaped_member_name()
    {
        var result = V3.ActRequest.Validate(Utf8("""{"input":"x","options":{"variables":{"\u00e9t\u00e9":[1]}}}"""));
        ExactErrors(result, ("/options/variables/été", "anyOf"));
    }

    [Fact]
    public void Wrong_root_type_is_a_type_error_at_the_root()
    {
        ExactErrors(V3.ActRequest.Validate(Utf8("[]")), (string.Empty, "type"));
        ExactErrors(V4.LLMConfig.Validate(Utf8("null")), (string.Empty, "type"));
        ExactErrors(V3.SessionEndRequest.Validate(Utf8("\"\"")), (string.Empty, "type"));
    }

    [Fact]
    public void Empty_and_truncated_documents_are_json_errors()
    {
        ExactErrors(V3.ActRequest.Validate(ReadOnlySpan<byte>.Empty), (string.Empty, "json"));
        ExactErrors(V3.ActRequest.Validate(Utf8("   ")), (string.Empty, "json"));
        Assert.Contains(V3.ActRequest.Validate(Utf8("""{"input":"x" """)).Errors, e => e.Keyword == "json");
        Assert.Contains(V3.ActRequest.Validate(Utf8("""{"input":"x"} {}""")).Errors, e => e.Keyword == "json");
    }

    [Fact]
    public void Variable_value_errors_point_inside_the_variable()
    {
        // The described form is strict: an extra member is rejected inside it, not as the whole variable.
        var result = V3.ActRequest.Validate(Utf8("""{"input":"x","options":{"variables":{"b":{"value":"v","secret":true}}}}"""));
        ExactErrors(result, ("/options/variables/b/secret", "additionalProperties"));
    }
}
