using System;
using System.Linq;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// The real upstream examples of UPSTREAM-FACTS.md: the v3 request objects drop unknown members (I-9), while the v4 shapes,
/// the model configs and SessionEnd reject them (DECISIONS D5).
/// </summary>
public sealed class UpstreamExampleTests
{
    // ---- v3 request objects drop unknown members (UPSTREAM-FACTS I-9, §1.4, §1.8, §1.9; DECISIONS D5) ----

    // I-9: upstream tests send a top-level keepAlive in session start; zod strips it.
    private const string SessionStartWithKeepAlive = """{"modelName":"openai/gpt-5.4-mini","keepAlive":true}""";

    // I-9: upstream tests send executeOptions.frameId in agentExecute; zod strips it.
    private const string AgentExecuteWithFrameIdInOptions = """{"agentConfig":{},"executeOptions":{"instruction":"Find the pricing page","frameId":"frame-7"}}""";

    // I-16: the client's goto() injects options.model into NavigateRequest; NavigateOptions has no model field.
    private const string NavigateWithOptionsModel = """{"url":"https://example.com","options":{"waitUntil":"load","model":"openai/gpt-5.4-mini"}}""";

    [Fact]
    public void SessionStartRequest_with_top_level_keepAlive_is_dropped_as_declared_and_tolerant_and_rejected_strict()
    {
        var json = Utf8(SessionStartWithKeepAlive);
        Valid(V3.SessionStartRequest.Validate(json), "as declared");
        Valid(V3.SessionStartRequest.Validate(json, AsDeclared), "as declared (explicit)");
        Valid(V3.SessionStartRequest.Validate(json, Tolerant), "tolerant");
        ExactErrors(V3.SessionStartRequest.Validate(json, Strict), ("/keepAlive", "additionalProperties"));

        var parsed = V3.SessionStartRequest.Parse(json);
        Assert.Equal("openai/gpt-5.4-mini", parsed.ModelName);
        var written = System.Text.Encoding.UTF8.GetString(Write(parsed.WriteTo));
        Assert.DoesNotContain("keepAlive", written);

        Assert.False(V3.SessionStartRequest.TryParse(json, out _, out var strictResult, Strict));
        HasError(strictResult, "/keepAlive", "additionalProperties");
    }

    [Fact]
    public void AgentExecuteRequest_with_executeOptions_frameId_is_dropped_as_declared_and_rejected_strict()
    {
        var json = Utf8(AgentExecuteWithFrameIdInOptions);
        Valid(V3.AgentExecuteRequest.Validate(json));
        Valid(V3.AgentExecuteRequest.Validate(json, Tolerant));
        ExactErrors(V3.AgentExecuteRequest.Validate(json, Strict), ("/executeOptions/frameId", "additionalProperties"));

        var parsed = V3.AgentExecuteRequest.Parse(json);
        Assert.Equal("Find the pricing page", parsed.ExecuteOptions.Instruction);
        Assert.False(parsed.FrameId.HasValue);
        Assert.DoesNotContain("frame-7", System.Text.Encoding.UTF8.GetString(Write(parsed.WriteTo)));
    }

    [Fact]
    public void NavigateRequest_with_injected_options_model_is_dropped_as_declared_and_rejected_strict()
    {
        var json = Utf8(NavigateWithOptionsModel);
        Valid(V3.NavigateRequest.Validate(json));
        Valid(V3.NavigateRequest.Validate(json, Tolerant));
        ExactErrors(V3.NavigateRequest.Validate(json, Strict), ("/options/model", "additionalProperties"));

        var parsed = V3.NavigateRequest.Parse(json, Tolerant);
        Assert.Equal(V3.NavigateWaitUntil.Load, parsed.Options!.WaitUntil);
        Assert.DoesNotContain("model", System.Text.Encoding.UTF8.GetString(Write(parsed.WriteTo)));
    }

    // ---- model configs are strict (UPSTREAM-FACTS §1.3, I-7) ----

    // I-7: the SDK's ClientOptions allow temperature, but every wire model config is strict: {modelName, temperature} is rejected.
    private const string GenericWithTemperature = """{"modelName":"openai/gpt-5.4-mini","temperature":0.2}""";

    [Fact]
    public void GenericModelConfigObject_with_temperature_is_rejected_as_declared_and_strict()
    {
        var json = Utf8(GenericWithTemperature);
        ExactErrors(V3.GenericModelConfigObject.Validate(json), ("/temperature", "additionalProperties"));
        ExactErrors(V3.GenericModelConfigObject.Validate(json, Strict), ("/temperature", "additionalProperties"));
        Assert.False(V3.GenericModelConfigObject.TryParse(json, out _, out var result));
        HasError(result, "/temperature", "additionalProperties");

        // As the union every model position uses, too.
        Assert.False(V3.ModelConfig.Validate(json).IsValid);
    }

    [Fact]
    public void Act_options_model_with_temperature_is_rejected_even_though_ActOptions_itself_drops_unknown_members()
    {
        var json = Utf8("""{"input":"click","options":{"model":{"modelName":"openai/gpt-5.4-mini","temperature":0.2}}}""");
        var result = V3.ActRequest.Validate(json);
        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.StartsWith("/options/model", e.Pointer));
        Assert.False(V3.ActRequest.TryParse(json, out _, out _));
    }

    // §1.3 history warning: the legacy top-level shape (provider vertex + project/location/googleAuthOptions) is now rejected.
    private const string LegacyVertexModelConfig = """
        {"modelName":"vertex/gemini-2.5-pro","provider":"vertex","project":"my-project","location":"us-central1",
         "googleAuthOptions":{"credentials":{"client_email":"sa@my-project.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----\nX\n-----END PRIVATE KEY-----\n"}}}
        """;

    [Fact]
    public void Legacy_top_level_model_config_shape_is_rejected()
    {
        var json = Utf8(LegacyVertexModelConfig);
        Assert.False(V3.ModelConfig.Validate(json).IsValid);
        Assert.False(V3.ModelConfig.Validate(json, Strict).IsValid);
        Assert.False(V3.ModelSelection.Validate(json).IsValid);
        Assert.False(V3.VertexModelConfigObject.Validate(json).IsValid);
        Assert.False(V3.GenericModelConfigObject.Validate(json).IsValid);

        var act = Utf8("""{"input":"click","options":{"model":""" + LegacyVertexModelConfig + "}}");
        var result = V3.ActRequest.Validate(act);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Pointer.StartsWith("/options/model", StringComparison.Ordinal));
    }

    // ---- SessionEnd is strict (UPSTREAM-FACTS §1.4: any key → 400 "Request body must be empty") ----

    [Theory]
    [InlineData("""{"force":true}""", "/force")]
    [InlineData("""{"sessionId":"abc"}""", "/sessionId")]
    [InlineData("""{"":null}""", "/")]
    public void SessionEndRequest_with_any_key_is_rejected(string body, string pointer)
    {
        var json = Utf8(body);
        ExactErrors(V3.SessionEndRequest.Validate(json), (pointer, "additionalProperties"));
        ExactErrors(V3.SessionEndRequest.Validate(json, Strict), (pointer, "additionalProperties"));
        Assert.False(V3.SessionEndRequest.TryParse(json, out _, out _));
        Valid(V3.SessionEndRequest.Validate(Utf8("{}")));
        Valid(V4.BrowserSessionEndRequest.Validate(Utf8("{}")));
        ExactErrors(V4.BrowserSessionEndRequest.Validate(json), (pointer, "additionalProperties"));
    }

    [Fact]
    public void SessionEndResponse_is_strict_and_has_no_data()
    {
        Valid(V3.SessionEndResponse.Validate(Utf8("""{"success":true}""")));
        ExactErrors(V3.SessionEndResponse.Validate(Utf8("""{"success":true,"data":{}}""")), ("/data", "additionalProperties"));
    }

    // ---- v4 mass assignment (UPSTREAM-FACTS §2.2; DECISIONS D3: server-assigned members are read-only) ----

    [Fact]
    public void LLMCreateRequest_with_server_assigned_members_is_rejected_readOnly_under_every_policy()
    {
        var json = Utf8("""
            {"modelName":"openai/gpt-4.1-nano","id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","source":"system-default","createdAt":"2026-03-01T12:00:00Z"}
            """);
        foreach (var options in new[] { AsDeclared, Strict, Tolerant })
        {
            var result = V4.LLMCreateRequest.Validate(json, options);
            ExactErrors(result, ("/id", "readOnly"), ("/source", "readOnly"), ("/createdAt", "readOnly"));
            Assert.False(V4.LLMCreateRequest.TryParse(json, out _, out var parseResult, options));
            ExactErrors(parseResult, ("/id", "readOnly"), ("/source", "readOnly"), ("/createdAt", "readOnly"));
        }

        Assert.Throws<ContractValidationException>(() => V4.LLMCreateRequest.Parse(json, Tolerant));
    }

    [Fact]
    public void LLMCreateRequest_with_projectId_is_rejected_readOnly_under_every_policy()
    {
        // Issue "Security": "id, source, projectId or createdAt sent in POST /v4/llms is an error"; DECISIONS D3 lists projectId as server-assigned.
        var json = Utf8("""{"modelName":"openai/gpt-4.1-nano","projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"}""");
        foreach (var options in new[] { AsDeclared, Strict, Tolerant })
        {
            ExactErrors(V4.LLMCreateRequest.Validate(json, options), ("/projectId", "readOnly"));
        }
    }

    [Theory]
    [InlineData("projectId")]
    [InlineData("updatedAt")]
    [InlineData("id")]
    public void LLMUpdateRequest_with_server_assigned_member_is_rejected_readOnly_even_tolerant(string member)
    {
        var json = Utf8($$"""{"displayName":"Mine","{{member}}":"2026-03-01T12:00:00Z"}""");
        ExactErrors(V4.LLMUpdateRequest.Validate(json, Tolerant), ("/" + member, "readOnly"));
        ExactErrors(V4.LLMUpdateRequest.Validate(json), ("/" + member, "readOnly"));
    }

    [Theory]
    [InlineData("status", "\"ended\"")]
    [InlineData("available", "false")]
    [InlineData("endedAt", "\"2026-03-01T12:00:00Z\"")]
    public void BrowserSession_requests_with_server_assigned_member_are_rejected_readOnly_even_tolerant(string member, string value)
    {
        ExactErrors(V4.BrowserSessionUpdateRequest.Validate(Utf8($$"""{"selfHeal":true,"{{member}}":{{value}}}"""), Tolerant), ("/" + member, "readOnly"));
        ExactErrors(V4.BrowserSessionCreateRequest.Validate(Utf8($$"""{"env":"LOCAL","cdpUrl":"ws://x","{{member}}":{{value}}}"""), Tolerant), ("/" + member, "readOnly"));
    }

    [Fact]
    public void LLMCreateRequest_unknown_member_is_additionalProperties_not_readOnly()
    {
        ExactErrors(V4.LLMCreateRequest.Validate(Utf8("""{"modelName":"m","apiKey":"sk-1"}""")), ("/apiKey", "additionalProperties"));
        Valid(V4.LLMCreateRequest.Validate(Utf8("""{"modelName":"m","apiKey":"sk-1"}"""), Tolerant));
    }

    // ---- PATCH: absent keeps, null clears (UPSTREAM-FACTS §2.3; DECISIONS D3) ----

    [Fact]
    public void BrowserSessionUpdateRequest_actLlmId_null_absent_and_uuid_parse_to_different_values()
    {
        var id = Guid.Parse("6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a");
        var cleared = V4.BrowserSessionUpdateRequest.Parse(Utf8("""{"actLlmId":null}"""));
        var kept = V4.BrowserSessionUpdateRequest.Parse(Utf8("""{}"""));
        var set = V4.BrowserSessionUpdateRequest.Parse(Utf8("""{"actLlmId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a"}"""));

        Assert.True(cleared.ActLlmId.HasValue);
        Assert.Null(cleared.ActLlmId.Value);
        Assert.False(kept.ActLlmId.HasValue);
        Assert.True(set.ActLlmId.HasValue);
        Assert.Equal(id, set.ActLlmId.Value);

        Assert.NotEqual(cleared, kept);
        Assert.NotEqual(cleared, set);
        Assert.NotEqual(kept, set);

        Assert.Equal("""{"actLlmId":null}""", System.Text.Encoding.UTF8.GetString(Write(cleared.WriteTo)));
        Assert.Equal("{}", System.Text.Encoding.UTF8.GetString(Write(kept.WriteTo)));
        Assert.Equal("""{"actLlmId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a"}""", System.Text.Encoding.UTF8.GetString(Write(set.WriteTo)));
    }

    [Fact]
    public void BrowserSessionUpdateRequest_llmId_null_is_rejected()
    {
        var json = Utf8("""{"llmId":null}""");
        var result = V4.BrowserSessionUpdateRequest.Validate(json);
        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal("/llmId", e.Pointer));
        HasError(result, "/llmId", "type");
        Assert.False(V4.BrowserSessionUpdateRequest.TryParse(json, out _, out _));
    }

    [Fact]
    public void BrowserSessionUpdateRequest_llm_ids_must_be_uuids()
    {
        ExactErrors(V4.BrowserSessionUpdateRequest.Validate(Utf8("""{"observeLlmId":"llm_01JXAMPLE"}""")), ("/observeLlmId", "format"));
    }

    // ---- BrowserSessionCreateRequest is discriminated on env (UPSTREAM-FACTS §2.3) ----

    [Fact]
    public void BrowserSessionCreateRequest_is_discriminated_on_env()
    {
        var local = V4.BrowserSessionCreateRequest.Parse(Utf8("""{"env":"LOCAL","cdpUrl":"ws://127.0.0.1:9222/devtools/browser/1","verbose":1}"""));
        Assert.True(local.TryGetLocal(out var localCase));
        Assert.Equal("ws://127.0.0.1:9222/devtools/browser/1", localCase!.CdpUrl);
        Assert.Equal(V3.Verbosity.Info, localCase.Verbose);
        Assert.False(local.TryGetBrowserbase(out _));

        var remote = V4.BrowserSessionCreateRequest.Parse(Utf8("""{"env":"BROWSERBASE","browserbaseSessionCreateParams":{"region":"us-east-1","keepAlive":true}}"""));
        Assert.True(remote.TryGetBrowserbase(out var remoteCase));
        Assert.Equal(V3.BrowserbaseRegion.UsEast1, remoteCase!.BrowserbaseSessionCreateParams!.Region);
        Assert.False(remote.TryGetLocal(out _));
    }

    [Theory]
    [InlineData("""{"env":"REMOTE","cdpUrl":"ws://x"}""")]
    [InlineData("""{"env":"local","cdpUrl":"ws://x"}""")]
    [InlineData("""{"env":1}""")]
    [InlineData("""{"cdpUrl":"ws://x"}""")]
    public void BrowserSessionCreateRequest_with_unknown_or_missing_env_is_an_error_at_env(string body)
    {
        var json = Utf8(body);
        var result = V4.BrowserSessionCreateRequest.Validate(json);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Pointer == "/env");
        Assert.False(V4.BrowserSessionCreateRequest.TryParse(json, out _, out var parseResult));
        Assert.Contains(parseResult.Errors, e => e.Pointer == "/env");
    }

    [Fact]
    public void BrowserSessionCreateRequest_members_of_the_other_env_are_rejected()
    {
        ExactErrors(
            V4.BrowserSessionCreateRequest.Validate(Utf8("""{"env":"LOCAL","cdpUrl":"ws://x","browserbaseSessionId":"6c0f1f2e-8a53-4c5e-9b1e-3f2a4d5c6b7a"}""")),
            ("/browserbaseSessionId", "additionalProperties"));
        ExactErrors(
            V4.BrowserSessionCreateRequest.Validate(Utf8("""{"env":"BROWSERBASE","localBrowserLaunchOptions":{"headless":true}}""")),
            ("/localBrowserLaunchOptions", "additionalProperties"));
    }

    // ---- stream events (UPSTREAM-FACTS §1.11, I-3, I-4) ----

    // I-4: real finished events carry actionId and (hosted API) cacheHit, which the published OpenAPI rejects.
    private const string FinishedEvent = """
        {"data":{"status":"finished","result":{"title":"Example Domain"},"actionId":"8d1c5f2a-3b4e-4c6d-9e8f-0a1b2c3d4e5f","cacheHit":true},
         "type":"system","id":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}
        """;

    [Fact]
    public void Finished_stream_event_with_actionId_and_cacheHit_is_valid_and_keeps_both()
    {
        var json = Utf8(FinishedEvent);
        Valid(V3.StreamEvent.Validate(json));
        Valid(V3.StreamEvent.Validate(json, Strict), "strict: actionId and cacheHit are declared");
        var parsed = V3.StreamEvent.Parse(json);
        Assert.Equal(V3.StreamEventType.System, parsed.Type);
        Assert.Equal(Guid.Parse("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"), parsed.Id);
        Assert.True(parsed.Data.TryGetSystem(out var system));
        Assert.Equal(V3.StreamEventStatus.Finished, system!.Status);
        Assert.Equal("8d1c5f2a-3b4e-4c6d-9e8f-0a1b2c3d4e5f", system.ActionId);
        Assert.True(system.CacheHit);
        Assert.Equal(JsonAny.Parse("""{"title":"Example Domain"}"""), system.Result);
    }

    // I-3: server-v3 sends the LogLine object as a log event's message, though the schema declared a string.
    private const string LogEventWithLogLine = """
        {"data":{"status":"running","message":{"message":"clicking element","category":"action","level":1,"timestamp":"2026-03-01T12:00:00.000Z",
         "auxiliary":{"selector":{"value":"#login","type":"string"}}}},"type":"log","id":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"}
        """;

    [Fact]
    public void Log_stream_event_whose_message_is_a_LogLine_object_is_valid()
    {
        var json = Utf8(LogEventWithLogLine);
        Valid(V3.StreamEvent.Validate(json));
        Valid(V3.StreamEvent.Validate(json, Strict));
        Valid(V3.StreamEvent.Validate(json, Tolerant));
        Assert.True(V3.StreamEvent.TryParse(json, out var parsed, out _));
        Assert.Equal(V3.StreamEventType.Log, parsed!.Type);
    }

    [Fact]
    public void Log_stream_event_parses_to_the_log_case_and_keeps_its_LogLine()
    {
        // The message is the whole point of a log event: reading it must not fall into the system case and drop it.
        var parsed = V3.StreamEvent.Parse(Utf8(LogEventWithLogLine));
        Assert.True(parsed.Data.TryGetLog(out var log), $"expected the Log case, got {parsed.Data}");
        Assert.True(log!.Message.TryGetLine(out var line));
        Assert.Equal("clicking element", line!.Message);
        Assert.Equal(V3.Verbosity.Info, line.Level);
        Assert.Equal("#login", line.Auxiliary!["selector"].Value);
    }

    [Fact]
    public void Log_stream_event_with_plain_text_message_is_valid()
    {
        Valid(V3.StreamEvent.Validate(Utf8("""{"data":{"status":"running","message":"hello"},"type":"log","id":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"}""")));
    }

    // ---- LLMConfig responses carry every member (UPSTREAM-FACTS §2.2 final state; DECISIONS D3) ----

    private const string LlmConfigWithNulls = """
        {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","source":"user","displayName":null,"modelName":"openai/gpt-4.1-nano",
         "baseUrl":null,"systemPrompt":null,"providerOptions":null,"createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z"}
        """;

    [Fact]
    public void LLMConfig_with_every_member_and_nulls_is_valid()
    {
        var json = Utf8(LlmConfigWithNulls);
        Valid(V4.LLMConfig.Validate(json));
        var parsed = V4.LLMConfig.Parse(json);
        Assert.Null(parsed.DisplayName);
        Assert.Null(parsed.BaseUrl);
        Assert.Null(parsed.SystemPrompt);
        Assert.Null(parsed.ProviderOptions);
        Assert.Equal(V4.LLMSource.User, parsed.Source);
    }

    [Theory]
    [InlineData("displayName")]
    [InlineData("baseUrl")]
    [InlineData("systemPrompt")]
    [InlineData("providerOptions")]
    public void LLMConfig_missing_a_required_nullable_member_is_invalid(string member)
    {
        var text = LlmConfigWithNulls.Replace($"\"{member}\":null,", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(LlmConfigWithNulls, text);
        var json = Utf8(text);
        ExactErrors(V4.LLMConfig.Validate(json), ("/" + member, "required"));
        Assert.False(V4.LLMConfig.TryParse(json, out _, out var result));
        ExactErrors(result, ("/" + member, "required"));
    }

    [Fact]
    public void LLMConfig_never_carries_an_apiKey()
    {
        var text = LlmConfigWithNulls.Replace("\"source\":\"user\",", "\"source\":\"user\",\"apiKey\":\"sk-live\",", StringComparison.Ordinal);
        ExactErrors(V4.LLMConfig.Validate(Utf8(text)), ("/apiKey", "additionalProperties"));
    }
}
