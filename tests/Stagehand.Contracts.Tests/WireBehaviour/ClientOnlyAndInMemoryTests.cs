using System;
using System.Text;
using System.Text.Json;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// DECISIONS D4: serverCache is client-only — never written, ignored when read. And the in-memory Validate() checks what the
/// type system cannot (issue: "a ServerCacheThreshold built in code with threshold 0").
/// </summary>
public sealed class ClientOnlyAndInMemoryTests
{
    private static readonly V3.ServerCacheSetting Threshold3 = V3.ServerCacheSetting.FromThreshold(new V3.ServerCacheThreshold { Threshold = 3 });

    // ---- client-only serverCache (D4) ----

    [Fact]
    public void ServerCache_is_never_written_by_WriteTo_or_JsonSerializer()
    {
        var act = new V3.ActOptions { Timeout = 1000, ServerCache = Threshold3 };
        var extract = new V3.ExtractOptions { Screenshot = true, ServerCache = V3.ServerCacheSetting.FromEnabled(false) };
        var observe = new V3.ObserveOptions { Selector = "body", ServerCache = V3.ServerCacheSetting.FromEnabled(true) };

        Assert.Equal("""{"timeout":1000}""", Encoding.UTF8.GetString(Write(act.WriteTo)));
        Assert.Equal("""{"screenshot":true}""", Encoding.UTF8.GetString(Write(extract.WriteTo)));
        Assert.Equal("""{"selector":"body"}""", Encoding.UTF8.GetString(Write(observe.WriteTo)));
        Assert.DoesNotContain("serverCache", JsonSerializer.Serialize(act), StringComparison.Ordinal);
        Assert.DoesNotContain("serverCache", JsonSerializer.Serialize(act, new JsonSerializerOptions { TypeInfoResolver = StagehandContracts.JsonResolver }), StringComparison.Ordinal);

        var request = new V3.ActRequest { Input = "click", Options = act, CacheThreshold = 3 };
        Assert.Equal("""{"input":"click","options":{"timeout":1000},"cacheThreshold":3}""", Encoding.UTF8.GetString(Write(request.WriteTo)));
    }

    [Theory]
    [InlineData("""{"serverCache":{"threshold":5},"timeout":1}""")]
    [InlineData("""{"serverCache":false}""")]
    [InlineData("""{"serverCache":"not even a setting"}""")]
    [InlineData("""{"serverCache":{"threshold":0}}""")]
    public void ServerCache_in_input_JSON_is_ignored_under_every_policy(string options)
    {
        foreach (var policy in new[] { AsDeclared, Strict, Tolerant })
        {
            var act = Utf8("""{"input":"x","options":""" + options + "}");
            Valid(V3.ActRequest.Validate(act, policy), $"act {policy.Policy}");
            Assert.Null(V3.ActRequest.Parse(act, policy).Options!.ServerCache);

            Valid(V3.ActOptions.Validate(Utf8(options), policy));
            Assert.Null(V3.ActOptions.Parse(Utf8(options), policy).ServerCache);
            Assert.Null(V3.ExtractOptions.Parse(Utf8(options), policy).ServerCache);
            Assert.Null(V3.ObserveOptions.Parse(Utf8(options), policy).ServerCache);
        }
    }

    [Fact]
    public void Round_trip_of_options_with_serverCache_drops_it()
    {
        var original = new V3.ObserveOptions { Timeout = 5, ServerCache = Threshold3 };
        var read = V3.ObserveOptions.Parse(Write(original.WriteTo));
        Assert.Null(read.ServerCache);
        Assert.Equal(original with { ServerCache = null }, read);
    }

    // ---- in-memory Validate() ----

    [Fact]
    public void ServerCacheThreshold_with_threshold_0_breaks_minimum()
    {
        ExactErrors(new V3.ServerCacheThreshold { Threshold = 0 }.Validate(), ("/threshold", "minimum"));
        ExactErrors(new V3.ServerCacheThreshold { Threshold = -5 }.Validate(), ("/threshold", "minimum"));
        Valid(new V3.ServerCacheThreshold { Threshold = 1 }.Validate());
    }

    [Fact]
    public void Nested_threshold_is_reported_at_its_pointer()
    {
        var zero = V3.ServerCacheSetting.FromThreshold(new V3.ServerCacheThreshold { Threshold = 0 });
        ExactErrors(new V3.ActOptions { ServerCache = zero }.Validate(), ("/serverCache/threshold", "minimum"));
        ExactErrors(new V3.ExtractOptions { ServerCache = zero }.Validate(), ("/serverCache/threshold", "minimum"));
        ExactErrors(new V3.ActRequest { Input = "x", Options = new V3.ActOptions { ServerCache = zero } }.Validate(), ("/options/serverCache/threshold", "minimum"));
        ExactErrors(new V3.ServerCachePerMethod { Observe = zero }.Validate(), ("/observe/threshold", "minimum"));
        ExactErrors(V3.ServerCacheDefaults.FromPerMethod(new V3.ServerCachePerMethod { Act = zero, Extract = zero }).Validate(), ("/act/threshold", "minimum"), ("/extract/threshold", "minimum"));
    }

    [Fact]
    public void CacheThreshold_below_1_is_reported()
    {
        ExactErrors(new V3.ActRequest { Input = "x", CacheThreshold = 0 }.Validate(), ("/cacheThreshold", "minimum"));
        ExactErrors(new V3.ObserveRequest { CacheThreshold = -1 }.Validate(), ("/cacheThreshold", "minimum"));
    }

    [Fact]
    public void Required_string_set_to_null_is_reported()
    {
        ExactErrors(new V3.Action { Selector = null!, Description = "d" }.Validate(), ("/selector", "required"));
        ExactErrors(new V3.SessionStartRequest { ModelName = null! }.Validate(), ("/modelName", "required"));
        ExactErrors(new V3.ActRequest { Input = V3.ActInput.FromAction(new V3.Action { Selector = "s", Description = null! }) }.Validate(), ("/input/description", "required"));
        ExactErrors(
            new V3.ObserveOutcome { Actions = new V3.Action[] { new() { Selector = "a", Description = "b" }, new() { Selector = null!, Description = "d" } } }.Validate(),
            ("/actions/1/selector", "required"));
        ExactErrors(new V4.LLMCreateRequest { ModelName = null! }.Validate(), ("/modelName", "required"));
    }

    [Fact]
    public void Required_object_and_list_set_to_null_are_reported()
    {
        ExactErrors(new V3.ActResultData { Success = true, Message = "m", ActionDescription = "d", Actions = null! }.Validate(), ("/actions", "required"));
        ExactErrors(new V4.LLMResult { Llm = null! }.Validate(), ("/llm", "required"));
    }

    [Fact]
    public void Default_union_member_is_an_error()
    {
        var result = new V3.ActRequest { Input = default }.Validate();
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Pointer == "/input");

        var described = new V3.DescribedVariable { Value = default };
        Assert.Contains(described.Validate().Errors, e => e.Pointer == "/value");

        var options = new V3.ActOptions { Variables = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, V3.VariableValue>("a", default)) };
        Assert.Contains(options.Validate().Errors, e => e.Pointer == "/variables/a");

        Assert.False(default(V3.ModelConfig).Validate().IsValid);
        Assert.False(default(V4.BrowserSessionCreateRequest).Validate().IsValid);
    }

    [Fact]
    public void Undefined_enum_value_is_an_enum_error()
    {
        ExactErrors(new V3.SessionStartRequest { ModelName = "m", Verbose = (V3.Verbosity)7 }.Validate(), ("/verbose", "enum"));
        ExactErrors(new V3.NavigateOptions { WaitUntil = (V3.NavigateWaitUntil)42 }.Validate(), ("/waitUntil", "enum"));
        ExactErrors(
            new V4.LLMConfig
            {
                Id = Guid.NewGuid(), Source = (V4.LLMSource)9, DisplayName = null, ModelName = "m", BaseUrl = null, SystemPrompt = null, ProviderOptions = null,
                CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            }.Validate(),
            ("/source", "enum"));
    }

    [Fact]
    public void Relative_uri_and_non_finite_numbers_are_reported()
    {
        ExactErrors(new V4.LLMCreateRequest { ModelName = "m", BaseUrl = new Uri("/v1", UriKind.Relative) }.Validate(), ("/baseUrl", "format"));
        ExactErrors(new V3.ActOptions { Timeout = double.NaN }.Validate(), ("/timeout", "type"));
        ExactErrors(
            new V3.ActOptions { Variables = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, V3.VariableValue>("n", V3.VariableValue.FromNumber(double.PositiveInfinity))) }.Validate(),
            ("/variables/n", "type"));
    }

    [Fact]
    public void A_value_that_Validate_rejects_is_rejected_by_the_reader_after_writing()
    {
        var bad = new V3.ActRequest { Input = "x", CacheThreshold = 0 };
        ExactErrors(bad.Validate(), ("/cacheThreshold", "minimum"));
        ExactErrors(V3.ActRequest.Validate(Write(bad.WriteTo)), ("/cacheThreshold", "minimum"));
    }

    [Fact]
    public void A_valid_value_built_in_code_is_valid_in_memory_and_on_the_wire()
    {
        var request = new V3.ActRequest
        {
            Input = "click",
            Options = new V3.ActOptions { Timeout = 30_000, ServerCache = Threshold3 },
            FrameId = Optional.Of<string?>(null),
            CacheThreshold = 3,
        };
        Valid(request.Validate());
        Valid(V3.ActRequest.Validate(Write(request.WriteTo)));
    }
}
