using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Stagehand.Contracts.Tests.Wire;

public sealed class ContractJsonTests
{
    private const string Secret = "sk-secret-123";

    private static ValidationResult Validate(string json, ContractReadFunc<Sample>? read = null, ContractReadOptions? options = null) =>
        ContractJson.Validate(Encoding.UTF8.GetBytes(json), options, read ?? SampleContract.Reject);

    private static ValidationError Single(ValidationResult result, string pointer, string keyword)
    {
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(pointer, error.Pointer);
        Assert.Equal(keyword, error.Keyword);
        return error;
    }

    private static string Nested(int levels) => new string('[', levels) + new string(']', levels);

    [Fact]
    public void A_valid_document_is_the_shared_valid_result()
    {
        ValidationResult result = Validate("""{ "name": "a\u0041\n", "count": 3, "tags": ["x", "y\"z"] }""");
        Assert.Same(ValidationResult.Valid, result);
    }

    [Fact]
    public void Validate_allocates_nothing_on_a_valid_document()
    {
        byte[] json = Encoding.UTF8.GetBytes("""{ "name": "caf\u00e9 \ud83d\ude00", "count": 1.0, "tags": ["a", "b\/c", "d"], "extra": {"x": [1, 2, {"y": null}]}, "more": "v" }""");
        ContractReadFunc<Sample> read = SampleContract.Drop;
        Assert.Same(ValidationResult.Valid, ContractJson.Validate(json, null, read));

        long before = GC.GetAllocatedBytesForCurrentThread();
        ValidationResult result = ContractJson.Validate(json, null, read);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Parse_builds_the_value()
    {
        Sample sample = ContractJson.Parse("""{"tags":["a","\u0062"],"count":1e1,"name":"n"}"""u8, null, SampleContract.Reject, "Sample");
        Assert.Equal("n", sample.Name);
        Assert.Equal(10, sample.Count);
        Assert.Equal(["a", "b"], sample.Tags!);
        Assert.Null(sample.Extra);
    }

    [Fact]
    public void Parse_throws_a_contract_validation_exception_naming_the_contract()
    {
        ContractValidationException exception = Assert.Throws<ContractValidationException>(() => ContractJson.Parse("""{"count":1}"""u8, null, SampleContract.Reject, "Sample"));
        Assert.Equal("Sample", exception.Contract);
        Assert.Contains("Sample", exception.Message, StringComparison.Ordinal);
        Single(exception.Result, "/name", "required");
    }

    [Fact]
    public void TryParse_reports_the_result()
    {
        Assert.True(ContractJson.TryParse("""{"name":"n"}"""u8, null, SampleContract.Reject, out Sample? sample, out ValidationResult result));
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal("n", sample!.Name);

        Assert.False(ContractJson.TryParse("""{"name":""}"""u8, null, SampleContract.Reject, out sample, out result));
        Assert.Null(sample);
        Single(result, "/name", "minLength");
    }

    [Fact]
    public void Every_error_is_collected_with_its_pointer()
    {
        ValidationResult result = Validate("""{"name":"","count":11,"tags":["a",1,"c",{"x":[1]},"e",["f"]],"other":true}""");
        Assert.False(result.IsValid);
        Assert.False(result.IsTruncated);
        Assert.Equal(
            [
                ("/name", "minLength"),
                ("/count", "maximum"),
                ("/tags/1", "type"),
                ("/tags/3", "type"),
                ("/tags/5", "type"),
                ("/other", "additionalProperties"),
            ],
            result.Errors.Select(e => (e.Pointer, e.Keyword)));
        Assert.Equal("Expected a string.", result.Errors[2].Message);
    }

    [Fact]
    public void A_missing_required_member_points_at_the_member()
    {
        ValidationError error = Single(Validate("{}"), "/name", "required");
        Assert.Equal("/name required: The member is required.", error.ToString());
    }

    [Fact]
    public void A_wrong_root_type_is_reported_at_the_root()
    {
        ValidationError error = Single(Validate("[1,2]"), string.Empty, "type");
        Assert.Equal("Expected an object.", error.Message);
    }

    [Theory]
    [InlineData("""{"name":"x","a~b/c":1}""")]
    [InlineData("""{"name":"x","a~b\/c":1}""")]
    [InlineData("""{"name":"x","\u0061~b/c":1}""")]
    public void Member_names_are_unescaped_then_escaped_for_the_pointer(string json)
    {
        Single(Validate(json), "/a~0b~1c", "additionalProperties");
    }

    [Fact]
    public void Pointers_nest_through_members_and_items()
    {
        ContractReadFunc<Sample[]> read = (ref Utf8JsonReader reader, ref ContractReadContext context, bool build, [MaybeNullWhen(false)] out Sample[] value) =>
        {
            value = null!;
            int index = 0;
            bool valid = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                context.PushIndex(index++);
                valid &= SampleContract.Reject(ref reader, ref context, build, out _);
                context.Pop();
            }

            return valid;
        };
        ValidationResult result = ContractJson.Validate("""[{"name":"a"},{"name":"b","tags":[1]}]"""u8, null, read);
        Single(result, "/1/tags/0", "type");
    }

    [Theory]
    [InlineData("""{"name":"x","name":"y"}""", "/name")]
    [InlineData("""{"name":"x","\u006eame":"y"}""", "/name")]
    [InlineData("""{"count":1,"name":"x","count":1}""", "/count")]
    public void Repeated_declared_members_are_rejected(string json, string pointer)
    {
        ValidationError error = Single(Validate(json), pointer, "duplicate");
        Assert.Equal("The member appears more than once.", error.Message);
    }

    [Theory]
    [InlineData(UnknownMembers.Drop)]
    [InlineData(UnknownMembers.Keep)]
    public void Repeated_unknown_members_are_rejected(UnknownMembers unknown)
    {
        ContractReadFunc<Sample> read = SampleContract.For(unknown);
        Single(Validate("""{"name":"x","z":1,"z":2}""", read), "/z", "duplicate");
        Single(Validate("""{"name":"x","z":1,"\u007a":2}""", read), "/z", "duplicate");
        Single(Validate("""{"name":"x","\u007a":1,"z":2}""", read), "/z", "duplicate");
        Single(Validate("""{"name":"x","\u00e9":1,"é":2}""", read), "/é", "duplicate");
        Single(Validate("""{"name":"x","\ud83d\ude00":1,"😀":2}""", read), "/😀", "duplicate");
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"x","z":1,"Z":2,"zz":3,"":4}""", read));
    }

    [Fact]
    public void Repeated_unknown_members_are_rejected_past_the_inline_names()
    {
        StringBuilder json = new StringBuilder("{\"name\":\"x\"");
        for (int i = 0; i < 20; i++)
        {
            json.Append(",\"m").Append(i).Append("\":1");
        }

        json.Append(""","\u006d7":2,"m19":3}""");
        ValidationResult result = Validate(json.ToString(), SampleContract.Drop);
        Assert.Equal([("/m7", "duplicate"), ("/m19", "duplicate")], result.Errors.Select(e => (e.Pointer, e.Keyword)));
    }

    [Theory]
    [InlineData(ReadPolicy.AsDeclared, UnknownMembers.Reject, true, false)]
    [InlineData(ReadPolicy.AsDeclared, UnknownMembers.Drop, false, false)]
    [InlineData(ReadPolicy.AsDeclared, UnknownMembers.Keep, false, true)]
    [InlineData(ReadPolicy.Strict, UnknownMembers.Reject, true, false)]
    [InlineData(ReadPolicy.Strict, UnknownMembers.Drop, true, false)]
    [InlineData(ReadPolicy.Strict, UnknownMembers.Keep, true, false)]
    [InlineData(ReadPolicy.Tolerant, UnknownMembers.Reject, false, false)]
    [InlineData(ReadPolicy.Tolerant, UnknownMembers.Drop, false, false)]
    [InlineData(ReadPolicy.Tolerant, UnknownMembers.Keep, false, false)]
    public void The_policy_decides_what_happens_to_unknown_members(ReadPolicy policy, UnknownMembers declared, bool rejected, bool kept)
    {
        ContractReadOptions options = new() { Policy = policy };
        byte[] json = """{"name":"x","extra":{"a":[1,2]},"more":"v"}"""u8.ToArray();
        ValidationResult result = ContractJson.Validate(json, options, SampleContract.For(declared));
        if (rejected)
        {
            Assert.Equal([("/extra", "additionalProperties"), ("/more", "additionalProperties")], result.Errors.Select(e => (e.Pointer, e.Keyword)));
            Assert.Equal("The contract does not allow members it does not declare.", result.Errors[0].Message);
            return;
        }

        Assert.Same(ValidationResult.Valid, result);
        Sample sample = ContractJson.Parse(json, options, SampleContract.For(declared), "Sample");
        if (kept)
        {
            Assert.Equal(2, sample.Extra!.Count);
            Assert.Equal(JsonAny.Parse("""{"a":[1,2]}"""), sample.Extra["extra"]);
            Assert.Equal(JsonAny.Parse("\"v\""), sample.Extra["more"]);
        }
        else
        {
            Assert.Null(sample.Extra);
        }
    }

    [Theory]
    [InlineData(ReadPolicy.AsDeclared)]
    [InlineData(ReadPolicy.Strict)]
    [InlineData(ReadPolicy.Tolerant)]
    public void Server_assigned_members_are_rejected_whatever_the_policy(ReadPolicy policy)
    {
        ContractReadOptions options = new() { Policy = policy };
        foreach (ContractReadFunc<Sample> read in new[] { SampleContract.DropRequest, SampleContract.RejectRequest })
        {
            ValidationResult result = Validate("""{"name":"x","id":"abc","\u0063reatedAt":"2020-01-01T00:00:00Z"}""", read, options);
            Assert.Equal([("/id", "readOnly"), ("/createdAt", "readOnly")], result.Errors.Select(e => (e.Pointer, e.Keyword)));
            Assert.Equal("This member is assigned by the server and cannot be set.", result.Errors[0].Message);
        }
    }

    [Fact]
    public void Nesting_past_the_default_limit_is_one_max_depth_error()
    {
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"x","deep":""" + Nested(63) + "}", SampleContract.Drop));

        // The error points at /deep, or below it where the value is walked rather than skipped.
        ValidationResult result = Validate("""{"name":"x","deep":""" + Nested(64) + "}", SampleContract.Drop);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal("maxDepth", error.Keyword);
        Assert.Matches("^/deep(/0)*$", error.Pointer);
        Assert.Equal("The document nests deeper than 64 levels.", error.Message);

        result = Validate("""{"name":"x","deep":""" + Nested(64) + "}", SampleContract.Keep);
        Assert.Matches("^/deep(/0)*$", Assert.Single(result.Errors).Pointer);
    }

    [Fact]
    public void A_custom_depth_limit_is_honoured()
    {
        ContractReadOptions options = new() { MaxDepth = 5 };
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"x","deep":""" + Nested(4) + "}", SampleContract.Drop, options));
        ValidationError error = Single(Validate("""{"name":"x","deep":""" + Nested(5) + "}", SampleContract.Drop, options), "/deep", "maxDepth");
        Assert.Equal("The document nests deeper than 5 levels.", error.Message);
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"x","deep":{"a":{"b":{"c":{"d":1}}}}}""", SampleContract.Drop, options));
        Single(Validate("""{"name":"x","deep":{"a":{"b":{"c":{"d":{}}}}}}""", SampleContract.Drop, options), "/deep", "maxDepth");
    }

    [Fact]
    public void Invalid_utf8_is_a_json_error_at_the_root()
    {
        byte[] json = [.. """{"name":"a"""u8, 0xC3, 0x28, .. "\"}"u8];
        ValidationResult result = ContractJson.Validate(json, null, SampleContract.Reject);
        ValidationError error = Single(result, string.Empty, "json");
        Assert.Equal("The document is not valid UTF-8 text.", error.Message);

        byte[] overlong = [.. """{"name":"a"""u8, 0xC0, 0xAF, .. "\"}"u8];
        Single(ContractJson.Validate(overlong, null, SampleContract.Reject), string.Empty, "json");
        byte[] encodedSurrogate = [.. """{"name":"a"""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];
        Single(ContractJson.Validate(encodedSurrogate, null, SampleContract.Reject), string.Empty, "json");
    }

    [Theory]
    [InlineData("""{"name":"\ud800"}""", "/name")]
    [InlineData("""{"name":"a\udc00b"}""", "/name")]
    [InlineData("""{"name":"\ud800\u0041"}""", "/name")]
    [InlineData("""{"name":"x","tags":["\udfff"]}""", "/tags/0")]
    [InlineData("""{"name":"x","other":{"a":"\ud800"}}""", "/other/a")]
    public void Lone_surrogate_escapes_are_not_valid_text(string json, string pointer)
    {
        ContractReadFunc<Sample> read = SampleContract.Keep;
        ValidationError error = Single(Validate(json, read), pointer, "json");
        Assert.Equal("The string is not valid Unicode text.", error.Message);
        Assert.False(ContractJson.TryParse(Encoding.UTF8.GetBytes(json), null, read, out _, out _));
    }

    [Fact]
    public void A_lone_surrogate_in_a_member_name_is_an_error_not_an_exception()
    {
        ValidationResult result = Validate("""{"name":"x","\ud800":1}""", SampleContract.Drop);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.StartsWith("/", error.Pointer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"x" /* c */}""", "Comments are not allowed.")]
    [InlineData("{\"name\":\"x\", // c\n\"count\":1}", "Comments are not allowed.")]
    [InlineData("""{"name":"x",}""", "Trailing commas are not allowed.")]
    [InlineData("""{"name":"x","tags":["a",]}""", "Trailing commas are not allowed.")]
    [InlineData("{\"name\":\"x\",\"tags\":[\"a\"", "The document ends before it is complete.")]
    [InlineData("{\"name\":\"x\",\"tags\":[\"a", "The document ends before it is complete.")]
    [InlineData("""{"name":"x","count":1""", "The document ends before it is complete.")]
    [InlineData("""{"name":"x","tags":""", "The document ends before it is complete.")]
    [InlineData("{\"name\":\"x\"", "The document ends before it is complete.")]
    [InlineData("", "The document is empty.")]
    [InlineData("  \r\n\t", "The document is empty.")]
    [InlineData("""{"name":"x"} {}""", "Unexpected content after the document.")]
    [InlineData("""{"name":"x"}x""", "Unexpected content after the document.")]
    [InlineData("""{"name":"x"}]""", "Unexpected content after the document.")]
    [InlineData("""{"name":'x'}""", "The document is not valid JSON.")]
    [InlineData("""{"name":"a	b"}""", "A string holds a control character or an invalid escape sequence.")]
    [InlineData("""{"name":"a\qb"}""", "A string holds a control character or an invalid escape sequence.")]
    [InlineData("""{"name":"x","count":01}""", "The document is not valid JSON.")]
    [InlineData("""{"name":"x","count":tru}""", "The document is not valid JSON.")]
    [InlineData("}", "The document is not valid JSON.")]
    public void Malformed_json_is_one_json_error(string json, string message)
    {
        ValidationResult result = Validate(json);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal("json", error.Keyword);
        Assert.Equal(message, error.Message);
        Assert.False(ContractJson.TryParse(Encoding.UTF8.GetBytes(json), null, SampleContract.Reject, out _, out _));
    }

    [Fact]
    public void Malformed_json_points_where_the_reader_stopped()
    {
        Single(Validate("""{"name":"x","tags":["a",]}"""), "/tags", "json");
        Single(Validate("""{"name":"x"} x"""), string.Empty, "json");
    }

    [Theory]
    [InlineData("3000000000")]
    [InlineData("-2147483649")]
    [InlineData("1e10")]
    [InlineData("1.5")]
    [InlineData("1e400")]
    [InlineData("\"1\"")]
    [InlineData("[1]")]
    [InlineData("null")]
    public void A_count_that_is_not_a_32_bit_whole_number_is_a_type_error(string count)
    {
        ValidationError error = Single(Validate("""{"name":"x","count":""" + count + "}"), "/count", "type");
        Assert.Equal("Expected a whole number that fits in 32 bits.", error.Message);
    }

    [Theory]
    [InlineData("1.0", 1)]
    [InlineData("1e1", 10)]
    [InlineData("0.1e1", 1)]
    [InlineData("-0", 0)]
    [InlineData("100e-2", 1)]
    public void Whole_numbers_in_any_notation_are_integers(string count, int expected)
    {
        Sample sample = ContractJson.Parse(Encoding.UTF8.GetBytes("""{"name":"x","count":""" + count + "}"), null, SampleContract.Reject, "Sample");
        Assert.Equal(expected, sample.Count);
    }

    [Fact]
    public void Numbers_outside_the_rules_break_their_bounds()
    {
        Single(Validate("""{"name":"x","count":-1}"""), "/count", "minimum");
        Single(Validate("""{"name":"x","count":10.000000000000000000000000001}"""), "/count", "type");
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"x","count":10.000000000000000000000000000}"""));
    }

    [Fact]
    public void A_string_longer_than_the_limit_is_an_error()
    {
        ContractReadOptions options = new() { MaxStringLength = 10 };
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"0123456789"}""", options: options));
        ValidationError error = Single(Validate("""{"name":"0123456789a"}""", options: options), "/name", "maxStringLength");
        Assert.Equal("The string is longer than the limit of 10 bytes.", error.Message);

        // The limit is in UTF-8 bytes after unescaping.
        Assert.Same(ValidationResult.Valid, Validate("""{"name":"\u0030\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039"}""", options: options));
        Single(Validate("""{"name":"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"}""", options: options), "/name", "maxStringLength");
        Single(Validate("""{"name":"x","abcdefghijk":1}""", SampleContract.Drop, options), "/abcdefghijk", "maxStringLength");
    }

    [Fact]
    public void A_huge_string_is_an_error_by_default()
    {
        string huge = new string('a', (1 << 20) + 1);
        Single(Validate("{\"name\":\"" + huge + "\"}"), "/name", "maxStringLength");
        Assert.Same(ValidationResult.Valid, Validate("{\"name\":\"" + huge.Substring(1) + "\"}"));
    }

    [Fact]
    public void Collection_stops_at_the_error_cap()
    {
        string json = """{"name":"x","tags":[1,2,3,4,5,6,7,8,9,10]}""";
        ValidationResult result = Validate(json, options: new ContractReadOptions { MaxErrors = 3 });
        Assert.True(result.IsTruncated);
        Assert.Equal(["/tags/0", "/tags/1", "/tags/2"], result.Errors.Select(e => e.Pointer));
        Assert.Contains("more errors were not collected", result.ToString(), StringComparison.Ordinal);

        result = Validate(json, options: new ContractReadOptions { MaxErrors = 10 });
        Assert.False(result.IsTruncated);
        Assert.Equal(10, result.Errors.Count);

        result = Validate(json);
        Assert.False(result.IsTruncated);
        Assert.Equal(10, result.Errors.Count);
    }

    [Theory]
    [InlineData("""{"name":"x","count":"sk-secret-123"}""", null)]
    [InlineData("""{"name":"x","sk-secret-123":1}""", null)]
    [InlineData("""{"name":"x","tags":["a",1,"sk-secret-123",{"k":"sk-secret-123"}]}""", null)]
    [InlineData("""{"name":"x"} sk-secret-123""", null)]
    [InlineData("""{"name":"x","count":sk-secret-123}""", null)]
    [InlineData("""{"name":sk-secret-123}""", null)]
    [InlineData("""{"name":"x","count":1 sk-secret-123}""", null)]
    [InlineData("""{"name":"x","count":1,"name":"sk-secret-123"}""", null)]
    [InlineData("""{"name":"x","id":"sk-secret-123"}""", "request")]
    [InlineData("""{"name":"sk-secret-123"}""", "short")]
    [InlineData("""{"name":"x","sk-secret-123":1}""", "short")]
    [InlineData("""{"name":"x","tags":"sk-secret-123"}""", null)]
    [InlineData("""{"name":"x","count":1e9999999999999999999999}""", null)]
    [InlineData("sk-secret-123", null)]
    [InlineData("\"sk-secret-123\"", null)]
    public void Messages_never_quote_the_input(string json, string? variant)
    {
        ContractReadOptions? options = variant == "short" ? new ContractReadOptions { MaxStringLength = 5 } : null;
        ContractReadFunc<Sample> read = variant == "request" ? SampleContract.RejectRequest : SampleContract.Reject;
        ValidationResult result = Validate(json, read, options);
        Assert.False(result.IsValid);
        foreach (ValidationError error in result.Errors)
        {
            Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("sk-", error.Message, StringComparison.Ordinal);
        }

        ContractValidationException exception = Assert.Throws<ContractValidationException>(() => ContractJson.Parse(Encoding.UTF8.GetBytes(json), options, read, "Sample"));
        Assert.DoesNotContain(Secret, exception.Result.Errors.Select(e => e.Message));
    }

    [Fact(Timeout = 60_000)]
    public Task Many_unknown_members_stay_linear() => Task.Run(() =>
    {
        StringBuilder json = new StringBuilder("{\"name\":\"x\"");
        for (int i = 0; i < 200_000; i++)
        {
            json.Append(",\"member").Append(i).Append("\":").Append(i);
        }

        json.Append('}');
        byte[] bytes = Encoding.UTF8.GetBytes(json.ToString());
        Assert.Same(ValidationResult.Valid, ContractJson.Validate(bytes, null, SampleContract.Drop));

        ValidationResult rejected = ContractJson.Validate(bytes, null, SampleContract.Reject);
        Assert.True(rejected.IsTruncated);
        Assert.Equal(100, rejected.Errors.Count);

        Sample kept = ContractJson.Parse(bytes, null, SampleContract.Keep, "Sample");
        Assert.Equal(200_000, kept.Extra!.Count);
    });

    [Fact(Timeout = 60_000)]
    public Task Many_repeated_members_stay_linear() => Task.Run(() =>
    {
        foreach (string member in new[] { "\"dup\"", "\"\\u0064up\"", "\"name\"" })
        {
            StringBuilder json = new StringBuilder("{\"name\":\"x\"");
            for (int i = 0; i < 200_000; i++)
            {
                json.Append(",").Append(member).Append(":\"v\"");
            }

            json.Append('}');
            ValidationResult result = ContractJson.Validate(Encoding.UTF8.GetBytes(json.ToString()), null, SampleContract.Drop);
            Assert.True(result.IsTruncated);
            Assert.Equal(100, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("duplicate", e.Keyword));
        }
    });

    [Fact]
    public void ReadValue_reads_a_value_spread_over_several_buffers()
    {
        byte[] json = """[{"name":"split","tags":["a","b"],"count":2}, 7]"""u8.ToArray();
        ReadOnlySequence<byte> sequence = Segments(json, 3);
        Utf8JsonReader reader = new Utf8JsonReader(sequence);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Sample sample = ContractJson.ReadValue(ref reader, SampleContract.Reject, "Sample");
        Assert.Equal("split", sample.Name);
        Assert.Equal(2, sample.Count);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
    }

    [Fact]
    public void ReadValue_throws_for_an_invalid_value_and_is_strict_about_comments()
    {
        Utf8JsonReader reader = new Utf8JsonReader("""{"name":""}"""u8);
        reader.Read();
        ContractValidationException exception = Assert.Throws<ContractValidationException>(() =>
        {
            Utf8JsonReader copy = new Utf8JsonReader("""{"name":""}"""u8);
            copy.Read();
            return ContractJson.ReadValue(ref copy, SampleContract.Reject, "Sample");
        });
        Single(exception.Result, "/name", "minLength");

        exception = Assert.Throws<ContractValidationException>(() =>
        {
            Utf8JsonReader lenient = new Utf8JsonReader("""{"name":"x" /* c */}"""u8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            lenient.Read();
            return ContractJson.ReadValue(ref lenient, SampleContract.Reject, "Sample");
        });
        Single(exception.Result, string.Empty, "json");
    }

    [Fact]
    public void A_converter_can_read_through_the_serializer()
    {
        JsonSerializerOptions options = new() { Converters = { new SampleConverter() } };
        Sample[]? samples = JsonSerializer.Deserialize<Sample[]>("""[{"name":"a"},{"name":"b","count":3}]""", options);
        Assert.Equal(["a", "b"], samples!.Select(s => s.Name));
        Assert.Throws<ContractValidationException>(() => JsonSerializer.Deserialize<Sample>("""{"name":"a","bad":1}""", options));
    }

    private static ReadOnlySequence<byte> Segments(byte[] data, int size)
    {
        Segment first = new Segment(data.AsMemory(0, Math.Min(size, data.Length)), 0);
        Segment last = first;
        for (int offset = size; offset < data.Length; offset += size)
        {
            last = last.Append(data.AsMemory(offset, Math.Min(size, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            Segment next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    private sealed class SampleConverter : System.Text.Json.Serialization.JsonConverter<Sample>
    {
        public override Sample Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ContractJson.ReadValue(ref reader, SampleContract.Reject, "Sample");

        public override void Write(Utf8JsonWriter writer, Sample value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
