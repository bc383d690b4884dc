using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using static Stagehand.Contracts.Tests.WireBehaviour.WireAssert;

namespace Stagehand.Contracts.Tests.WireBehaviour;

/// <summary>
/// Hostile input (issue "Hostile input"): each case is a validation error with a pointer, from both Validate and TryParse,
/// never an unhandled exception.
/// </summary>
public sealed class HostileInputTests
{
    private delegate ValidationResult ValidateFn(ReadOnlySpan<byte> json, ContractReadOptions? options);

    private delegate bool TryParseFn<T>(ReadOnlySpan<byte> json, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value, out ValidationResult result, ContractReadOptions? options);

    /// <summary>Validate and TryParse both reject <paramref name="json"/> with an error <paramref name="keyword"/> at <paramref name="pointer"/>.</summary>
    private static void Rejects<T>(byte[] json, ValidateFn validate, TryParseFn<T> tryParse, string pointer, string keyword, ContractReadOptions? options = null)
    {
        var validated = validate(json, options);
        HasError(validated, pointer, keyword);
        Assert.False(tryParse(json, out _, out var parsed, options), "TryParse accepted the document");
        HasError(parsed, pointer, keyword);
    }

    private static void RejectsActRequest(byte[] json, string pointer, string keyword, ContractReadOptions? options = null) =>
        Rejects<V3.ActRequest>(json, V3.ActRequest.Validate, V3.ActRequest.TryParse, pointer, keyword, options);

    private static void RejectsSessionStart(byte[] json, string pointer, string keyword, ContractReadOptions? options = null) =>
        Rejects<V3.SessionStartRequest>(json, V3.SessionStartRequest.Validate, V3.SessionStartRequest.TryParse, pointer, keyword, options);

    private static void RejectsExtract(byte[] json, string pointer, string keyword, ContractReadOptions? options = null) =>
        Rejects<V3.ExtractRequest>(json, V3.ExtractRequest.Validate, V3.ExtractRequest.TryParse, pointer, keyword, options);

    private static string Nest(int arrays) => new string('[', arrays) + new string(']', arrays);

    // ---- nesting ----

    [Theory]
    [InlineData(63)]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Nesting_deeper_than_64_inside_a_free_form_extract_schema_is_maxDepth(int arrays)
    {
        // root object (1) + schema (2) + arrays.
        var json = Utf8("""{"instruction":"x","schema":{"a":""" + Nest(arrays) + "}}");
        RejectsExtract(json, "/schema/a", "maxDepth");
    }

    private static ValidationResult TryParseResult(byte[] json, ContractReadOptions options)
    {
        Assert.False(V3.ExtractRequest.TryParse(json, out _, out var result, options));
        return result;
    }

    [Fact]
    public void Nesting_of_exactly_64_levels_is_accepted()
    {
        Valid(V3.ExtractRequest.Validate(Utf8("""{"schema":{"a":""" + Nest(62) + "}}")));
        Assert.True(V3.ExtractRequest.TryParse(Utf8("""{"schema":{"a":""" + Nest(62) + "}}"), out _, out _));
    }

    [Fact]
    public void Nesting_deeper_than_64_inside_userMetadata_or_a_dropped_member_is_maxDepth()
    {
        RejectsSessionStart(Utf8("""{"modelName":"m","browserbaseSessionCreateParams":{"userMetadata":{"deep":""" + Nest(200) + "}}}"),
            "/browserbaseSessionCreateParams/userMetadata/deep", "maxDepth");
        RejectsSessionStart(Utf8("""{"modelName":"m","dropped":""" + Nest(200) + "}"), "/dropped", "maxDepth");
        RejectsSessionStart(Utf8("""{"modelName":"m","dropped":""" + Nest(200) + "}"), "/dropped", "maxDepth", Tolerant);
        Rejects<V3.AgentExecuteResponse>(
            Utf8("""{"success":true,"data":{"result":{"success":true,"message":"m","completed":true,"actions":[{"type":"t","kept":""" + Nest(100) + "}]}}}"),
            V3.AgentExecuteResponse.Validate, V3.AgentExecuteResponse.TryParse, "/data/result/actions/0/kept", "maxDepth");
    }

    [Fact]
    public void A_custom_MaxDepth_is_honoured()
    {
        var json = Utf8("""{"schema":{"a":{"b":{"c":{}}}}}"""); // five levels
        Valid(V3.ExtractRequest.Validate(json));
        Valid(V3.ExtractRequest.Validate(json, new ContractReadOptions { MaxDepth = 5 }));
        var limited = new ContractReadOptions { MaxDepth = 4 };
        foreach (var result in new[] { V3.ExtractRequest.Validate(json, limited), TryParseResult(json, limited) })
        {
            // Inside free-form JSON the pointer names the free-form member (or a deeper member on the way to the offending value).
            var error = Assert.Single(result.Errors);
            Assert.Equal("maxDepth", error.Keyword);
            Assert.StartsWith("/schema/a", error.Pointer, StringComparison.Ordinal);
            Assert.StartsWith(error.Pointer, "/schema/a/b/c", StringComparison.Ordinal);
            Assert.Contains("4", error.Message, StringComparison.Ordinal);
        }

        // Depth limits apply to declared structure too.
        RejectsSessionStart(Utf8("""{"modelName":"m","browser":{"launchOptions":{"viewport":{"width":1,"height":1}}}}"""), "/browser/launchOptions/viewport", "maxDepth", new ContractReadOptions { MaxDepth = 3 });

        // A deeper limit lets deeper documents through.
        var deep = Utf8("""{"schema":{"a":""" + Nest(100) + "}}");
        Valid(V3.ExtractRequest.Validate(deep, new ContractReadOptions { MaxDepth = 128 }));
        Assert.True(V3.ExtractRequest.TryParse(deep, out var parsed, out _, new ContractReadOptions { MaxDepth = 128 }));
        Assert.NotNull(parsed!.Schema);
    }

    // ---- duplicate member names ----

    [Fact]
    public void Duplicate_declared_member_is_rejected()
    {
        var json = Utf8("""{"modelName":"openai/gpt-5.4-mini","modelName":"attacker/model"}""");
        foreach (var options in new[] { AsDeclared, Strict, Tolerant })
        {
            Rejects<V3.GenericModelConfigObject>(json, V3.GenericModelConfigObject.Validate, V3.GenericModelConfigObject.TryParse, "/modelName", "duplicate", options);
            RejectsSessionStart(json, "/modelName", "duplicate", options);
        }
    }

    [Fact]
    public void Duplicate_unknown_member_is_rejected_even_when_unknown_members_are_dropped()
    {
        var json = Utf8("""{"modelName":"m","x":1,"x":2}""");
        foreach (var options in new[] { AsDeclared, Tolerant })
        {
            RejectsSessionStart(json, "/x", "duplicate", options);
        }

        HasError(V3.SessionStartRequest.Validate(json, Strict), "/x", "duplicate");
        Rejects<V3.AgentAction>(Utf8("""{"type":"click","x":1,"x":2}"""), V3.AgentAction.Validate, V3.AgentAction.TryParse, "/x", "duplicate");
    }

    [Theory]
    [InlineData("""{"modelName":"a","model\u004eame":"b"}""")]
    [InlineData("""{"model\u004eame":"a","modelName":"b"}""")]
    [InlineData("""{"\u006dodelName":"a","model\u004Eame":"b"}""")]
    public void Escaped_duplicate_of_a_declared_member_is_rejected(string body)
    {
        Rejects<V3.GenericModelConfigObject>(Utf8(body), V3.GenericModelConfigObject.Validate, V3.GenericModelConfigObject.TryParse, "/modelName", "duplicate");
    }

    [Fact]
    public void Escaped_duplicate_of_an_unknown_member_is_rejected()
    {
        RejectsSessionStart(Utf8("""{"modelName":"m","keepAlive":true,"keep\u0041live":false}"""), "/keepAlive", "duplicate");
    }

    [Fact]
    public void Duplicate_keys_in_maps_are_rejected()
    {
        RejectsActRequest(Utf8("""{"input":"x","options":{"variables":{"a":"1","\u0061":"2"}}}"""), "/options/variables/a", "duplicate");
        RejectsExtract(Utf8("""{"schema":{"type":"object","type":"array"}}"""), "/schema/type", "duplicate");
        Rejects<V3.GenericModelConfigObject>(Utf8("""{"modelName":"m","headers":{"Authorization":"a","Authorization":"b"}}"""),
            V3.GenericModelConfigObject.Validate, V3.GenericModelConfigObject.TryParse, "/headers/Authorization", "duplicate");
    }

    [Fact]
    public void Duplicate_members_nested_inside_free_form_JSON_are_rejected()
    {
        // Last-wins inside a JSON Schema handed to the model is the same smuggling risk as anywhere else.
        RejectsExtract(Utf8("""{"schema":{"properties":{"a":{"type":"string","type":"number"}}}}"""), "/schema/properties/a/type", "duplicate");
    }

    [Fact]
    public void Duplicate_client_only_member_is_rejected()
    {
        RejectsActRequest(Utf8("""{"input":"x","options":{"serverCache":true,"serverCache":false}}"""), "/options/serverCache", "duplicate");
    }

    // ---- invalid text ----

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Invalid_UTF8_is_a_json_error(byte[] bad)
    {
        var json = Utf8("""{"modelName":"a""").Concat(bad).Concat(Utf8("\"}")).ToArray();
        RejectsSessionStart(json, string.Empty, "json");

        var inName = Utf8("""{"modelName":"a",""").Concat(new[] { (byte)'"' }).Concat(bad).Concat(Utf8("\":1}")).ToArray();
        Assert.False(V3.SessionStartRequest.Validate(inName).IsValid);
        Assert.False(V3.SessionStartRequest.TryParse(inName, out _, out _));
    }

    [Fact]
    public void Lone_surrogate_in_a_string_value_is_an_error_at_its_pointer()
    {
        RejectsSessionStart(Utf8("""{"modelName":"\ud800"}"""), "/modelName", "json");
        RejectsSessionStart(Utf8("""{"modelName":"abc\udc00def"}"""), "/modelName", "json");
        RejectsSessionStart(Utf8("""{"modelName":"\ud800\ud800"}"""), "/modelName", "json");
        RejectsExtract(Utf8("""{"schema":{"title":"\ud800"}}"""), "/schema/title", "json");
        RejectsActRequest(Utf8("""{"input":"x","options":{"variables":{"a":"\udfff"}}}"""), "/options/variables/a", "json");
    }

    [Fact]
    public void Lone_surrogate_in_a_member_name_is_an_error_not_an_exception()
    {
        foreach (var body in new[] { """{"modelName":"m","\ud800":1}""", """{"\ud800":1,"modelName":"m"}""", """{"modelName":"m","\ud800":1,"\ud800":2}""" })
        {
            var json = Utf8(body);
            var result = V3.SessionStartRequest.Validate(json);
            Assert.False(result.IsValid, body);
            Assert.Contains(result.Errors, e => e.Keyword == "json");
            Assert.False(V3.SessionStartRequest.TryParse(json, out _, out var parsed));
            Assert.Contains(parsed.Errors, e => e.Keyword == "json");
        }

        var mapKey = Utf8("""{"input":"x","options":{"variables":{"\udc00":"v"}}}""");
        Assert.False(V3.ActRequest.Validate(mapKey).IsValid);
        Assert.False(V3.ActRequest.TryParse(mapKey, out _, out _));
    }

    [Fact]
    public void Lone_surrogate_in_a_dropped_member_is_still_an_error()
    {
        // The document is not valid Unicode text, whether or not the member is kept.
        RejectsSessionStart(Utf8("""{"modelName":"m","dropped":"\ud800"}"""), "/dropped", "json");
    }

    [Fact]
    public void Valid_surrogate_pairs_and_escapes_are_accepted()
    {
        var parsed = V3.SessionStartRequest.Parse(Utf8("""{"modelName":"\ud83d\ude00 \u00e9\n\"\\\/"}"""));
        Assert.Equal("\U0001F600 \u00e9\n\"\\/", parsed.ModelName);
    }

    // ---- numbers ----

    [Theory]
    [InlineData("1e40")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999999999999999999999")]
    [InlineData("1.5")]
    public void Integer_that_does_not_fit_is_a_type_error(string number)
    {
        RejectsActRequest(Utf8("""{"input":"x","cacheThreshold":""" + number + "}"), "/cacheThreshold", "type");
    }

    [Fact]
    public void Integer_written_with_a_fraction_or_exponent_that_is_whole_is_accepted()
    {
        Assert.Equal(5, V3.ActRequest.Parse(Utf8("""{"input":"x","cacheThreshold":5.0}""")).CacheThreshold);
        Assert.Equal(500, V3.ActRequest.Parse(Utf8("""{"input":"x","cacheThreshold":5e2}""")).CacheThreshold);
        Assert.Equal(int.MaxValue, V3.ActRequest.Parse(Utf8("""{"input":"x","cacheThreshold":2147483647}""")).CacheThreshold);
    }

    [Fact]
    public void Int_member_of_an_internal_entity_that_does_not_fit_is_an_error()
    {
        var json = Utf8("""
            {"id":"4f9c3a52-5f55-4a38-9d5e-0b7c1d2e3f40","copiedTemplateId":null,"forkedSessionId":null,"projectId":"1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d",
             "browserSessionId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","createdAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T12:00:00Z","connectedAt":null,
             "disconnectedAt":null,"lastRequestAt":null,"lastResponseAt":null,"lastErrorAt":null,"lastErrorMessage":null,"status":"idle","model":"m","baseUrl":null,
             "options":null,"extraHttpHeaders":null,"systemPrompt":null,"tokensInput":2147483648,"tokensOutput":0,"tokensReasoning":0,"tokensCachedInput":0,"tokensTotal":0}
            """);
        Rejects<Internal.LLMSession>(json, Internal.LLMSession.Validate, Internal.LLMSession.TryParse, "/tokensInput", "type");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void Number_beyond_double_range_is_a_type_error(string number)
    {
        RejectsActRequest(Utf8("""{"input":{"selector":"#a","description":"A","backendNodeId":""" + number + "}}"), "/input/backendNodeId", "type");
        RejectsSessionStart(Utf8("""{"modelName":"m","domSettleTimeoutMs":""" + number + "}"), "/domSettleTimeoutMs", "type");
    }

    [Fact]
    public void Number_with_ten_thousand_digits_is_handled()
    {
        RejectsActRequest(Utf8("""{"input":"x","cacheThreshold":""" + new string('9', 10_000) + "}"), "/cacheThreshold", "type");
        var longDouble = V3.SessionStartRequest.Validate(Utf8("""{"modelName":"m","domSettleTimeoutMs":0.""" + new string('1', 10_000) + "}"));
        Valid(longDouble);
    }

    // ---- syntax that is not JSON ----

    [Theory]
    [InlineData("""{"modelName":"m" /* comment */}""")]
    [InlineData("""{"modelName":"m"} // trailing comment""")]
    [InlineData("{\"modelName\":\"m\"\n// line comment\n}")]
    [InlineData("""/* leading */{"modelName":"m"}""")]
    public void Comments_are_json_errors(string body)
    {
        var json = Utf8(body);
        var result = V3.SessionStartRequest.Validate(json);
        Assert.Contains(result.Errors, e => e.Keyword == "json");
        Assert.False(V3.SessionStartRequest.TryParse(json, out _, out var parsed));
        Assert.Contains(parsed.Errors, e => e.Keyword == "json");
    }

    [Theory]
    [InlineData("""{"modelName":"m",}""")]
    [InlineData("""{"modelName":"m","browser":{"launchOptions":{"args":["a",]}}}""")]
    [InlineData("""{"modelName":"m","browserbaseSessionCreateParams":{"userMetadata":{"a":1,}}}""")]
    public void Trailing_commas_are_json_errors(string body)
    {
        var json = Utf8(body);
        var result = V3.SessionStartRequest.Validate(json);
        Assert.Contains(result.Errors, e => e.Keyword == "json");
        Assert.False(V3.SessionStartRequest.TryParse(json, out _, out var parsed));
        Assert.Contains(parsed.Errors, e => e.Keyword == "json");
    }

    [Theory]
    [InlineData("""{"modelName":'m'}""")]
    [InlineData("""{modelName:"m"}""")]
    [InlineData("""{"modelName":"m","selfHeal":tru}""")]
    [InlineData("""{"modelName":"m","domSettleTimeoutMs":NaN}""")]
    [InlineData("""{"modelName":"m","domSettleTimeoutMs":01}""")]
    [InlineData("{\"modelName\":\"a\u0001b\"}")]
    public void Other_non_JSON_is_a_json_error(string body)
    {
        var json = Utf8(body);
        Assert.Contains(V3.SessionStartRequest.Validate(json).Errors, e => e.Keyword == "json");
        Assert.False(V3.SessionStartRequest.TryParse(json, out _, out _));
    }

    // ---- huge strings ----

    [Fact]
    public void String_longer_than_MaxStringLength_is_an_error()
    {
        var options = new ContractReadOptions { MaxStringLength = 16 };
        RejectsSessionStart(Utf8("""{"modelName":"openai/gpt-5.4-mini-long"}"""), "/modelName", "maxStringLength", options);
        Valid(V3.SessionStartRequest.Validate(Utf8("""{"modelName":"openai/gpt-5.4-m"}"""), options), "16 bytes is within the limit");

        // The limit is in UTF-8 bytes after unescaping: 6 escaped chars of 3 bytes each = 18 bytes.
        RejectsSessionStart(Utf8("""{"modelName":"\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac"}"""), "/modelName", "maxStringLength", options);
        RejectsExtract(Utf8("""{"schema":{"d":"01234567890123456789"}}"""), "/schema/d", "maxStringLength", options);
        RejectsActRequest(Utf8("""{"input":"x","options":{"variables":{"a":"01234567890123456789"}}}"""), "/options/variables/a", "maxStringLength", options);
    }

    [Fact]
    public void Member_name_longer_than_MaxStringLength_is_an_error()
    {
        var options = new ContractReadOptions { MaxStringLength = 16 };
        RejectsSessionStart(Utf8("""{"modelName":"m","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1}"""), "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "maxStringLength", options);
    }

    [Fact]
    public void Huge_string_beyond_the_default_limit_of_one_MiB_is_an_error()
    {
        var huge = new string('a', (1 << 20) + 1);
        RejectsSessionStart(Utf8("""{"modelName":""" + "\"" + huge + "\"}"), "/modelName", "maxStringLength");
        Valid(V3.SessionStartRequest.Validate(Utf8("""{"modelName":""" + "\"" + huge.Substring(1) + "\"}")), "exactly 1 MiB");
    }

    [Fact]
    public void Huge_string_in_a_dropped_member_is_an_error()
    {
        var options = new ContractReadOptions { MaxStringLength = 16 };
        RejectsSessionStart(Utf8("""{"modelName":"m","dropped":"01234567890123456789"}"""), "/dropped", "maxStringLength", options);
    }

    // ---- error cap ----

    [Fact]
    public void Error_collection_stops_at_MaxErrors_and_says_so()
    {
        var items = string.Join(",", Enumerable.Repeat("1", 1000));
        var json = Utf8("""{"success":true,"data":{"result":[""" + items + "]}}");
        var options = new ContractReadOptions { MaxErrors = 10 };

        var result = V3.ObserveResponse.Validate(json, options);
        Assert.Equal(10, result.Errors.Count);
        Assert.True(result.IsTruncated);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"/data/result/{i}"), result.Errors.Select(e => e.Pointer));
        Assert.All(result.Errors, e => Assert.Equal("type", e.Keyword));

        Assert.False(V3.ObserveResponse.TryParse(json, out _, out var parsed, options));
        Assert.Equal(10, parsed.Errors.Count);
        Assert.True(parsed.IsTruncated);

        var byDefault = V3.ObserveResponse.Validate(json);
        Assert.Equal(100, byDefault.Errors.Count);
        Assert.True(byDefault.IsTruncated);
    }

    [Fact]
    public void Exactly_MaxErrors_errors_are_not_truncated()
    {
        var items = string.Join(",", Enumerable.Repeat("{}", 5)); // each action misses selector and description
        var result = V3.ObserveResponse.Validate(Utf8("""{"success":true,"data":{"result":[""" + items + "]}}"), new ContractReadOptions { MaxErrors = 10 });
        Assert.Equal(10, result.Errors.Count);
        Assert.False(result.IsTruncated);
    }

    [Fact]
    public void A_list_of_1000_invalid_actions_with_MaxErrors_10_gives_exactly_10_errors()
    {
        var items = string.Join(",", Enumerable.Repeat("""{"selector":1,"description":2}""", 1000));
        var json = Utf8("""{"success":true,"data":{"result":[""" + items + "]}}");
        var result = V3.ObserveResponse.Validate(json, new ContractReadOptions { MaxErrors = 10 });
        Assert.Equal(10, result.Errors.Count);
        Assert.True(result.IsTruncated);
        Assert.Equal("/data/result/0/selector", result.Errors[0].Pointer);
        Assert.Equal("/data/result/4/description", result.Errors[9].Pointer);
    }

    // ---- linear time ----

    private static string ManyMembers(int count, Func<int, string> name, string value)
    {
        var builder = new StringBuilder(count * 16);
        for (var i = 0; i < count; i++)
        {
            builder.Append(",\"").Append(name(i)).Append("\":").Append(value);
        }

        return builder.ToString();
    }

    [Fact]
    public void Objects_with_200k_members_complete_quickly()
    {
        var limit = TimeSpan.FromSeconds(20);
        var stopwatch = Stopwatch.StartNew();

        // 200k distinct unknown members in a dropping object.
        var distinct = Utf8("""{"modelName":"m" """ + ManyMembers(200_000, i => "k" + i, "1") + "}");
        Valid(V3.SessionStartRequest.Validate(distinct));
        Assert.True(V3.SessionStartRequest.TryParse(distinct, out _, out _));
        var strict = V3.SessionStartRequest.Validate(distinct, new ContractReadOptions { Policy = ReadPolicy.Strict, MaxErrors = 5 });
        Assert.Equal(5, strict.Errors.Count);
        Assert.True(strict.IsTruncated);

        // 200k entries in a map.
        var variables = Utf8("""{"input":"x","options":{"variables":{"v":"0" """ + ManyMembers(200_000, i => "v" + i, "\"x\"") + "}}}");
        Valid(V3.ActRequest.Validate(variables));
        Assert.True(V3.ActRequest.TryParse(variables, out var act, out _));
        Assert.Equal(200_001, act!.Options!.Variables!.Count);

        // 200k copies of the same member name.
        var same = Utf8("""{"modelName":"m" """ + ManyMembers(200_000, _ => "x", "1") + "}");
        var duplicates = V3.SessionStartRequest.Validate(same);
        Assert.Equal(100, duplicates.Errors.Count);
        Assert.True(duplicates.IsTruncated);
        Assert.All(duplicates.Errors, e => Assert.Equal("duplicate", e.Keyword));

        // 200k names that share a long prefix, escaped.
        var escaped = Utf8("""{"modelName":"m" """ + ManyMembers(200_000, i => "\\u0070refix-prefix-prefix-" + i, "null") + "}");
        Valid(V3.SessionStartRequest.Validate(escaped));

        // 200k members inside free-form JSON.
        var freeForm = Utf8("""{"schema":{"a":0""" + ManyMembers(200_000, i => "p" + i, "{}") + "}}");
        Valid(V3.ExtractRequest.Validate(freeForm));
        Assert.True(V3.ExtractRequest.TryParse(freeForm, out _, out _));

        stopwatch.Stop();
        Assert.True(stopwatch.Elapsed < limit, $"200k-member documents took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Validation_time_grows_linearly_with_the_number_of_members()
    {
        static TimeSpan Time(int count)
        {
            var json = Utf8("""{"modelName":"m" """ + ManyMembers(count, i => "k" + i, "1") + "}");
            V3.SessionStartRequest.Validate(json);
            var best = TimeSpan.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                V3.SessionStartRequest.Validate(json);
                stopwatch.Stop();
                best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
            }

            return best;
        }

        var small = Time(25_000);
        var large = Time(400_000);

        // 16x the input: linear is ~16x, quadratic ~256x; allow 64x for cache effects and a busy machine.
        Assert.True(large.Ticks < Math.Max(small.Ticks, TimeSpan.FromMilliseconds(5).Ticks) * 64, $"25k members: {small}, 400k members: {large}");
    }
}
