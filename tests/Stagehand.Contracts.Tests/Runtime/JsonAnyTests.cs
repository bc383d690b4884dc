using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.Runtime;

public sealed class JsonAnyTests
{
    private static void AssertEqualJson(string left, string right)
    {
        JsonAny a = JsonAny.Parse(left);
        JsonAny b = JsonAny.Parse(right);

        Assert.True(a.Equals(b), $"{left} should equal {right}");
        Assert.True(b.Equals(a), $"{right} should equal {left}");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    private static void AssertNotEqualJson(string left, string right)
    {
        JsonAny a = JsonAny.Parse(left);
        JsonAny b = JsonAny.Parse(right);

        Assert.False(a.Equals(b), $"{left} should not equal {right}");
        Assert.False(b.Equals(a), $"{right} should not equal {left}");
        Assert.True(a != b);
    }

    [Theory]
    [InlineData("""{"a":1,"b":2}""", """{"b":2,"a":1}""")]
    [InlineData("""{"a":{"x":[1,2],"y":null},"b":true}""", """{ "b" : true , "a" : { "y" : null, "x" : [ 1, 2 ] } }""")]
    [InlineData("{}", " { } ")]
    [InlineData("[]", "[ ]")]
    [InlineData("[[1,[2,3]],[]]", "[[1.0,[2e0,30e-1]],[]]")]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("1.0", "1E+0")]
    [InlineData("100", "1e2")]
    [InlineData("0.5", "5e-1")]
    [InlineData("-0", "0")]
    [InlineData("0.0", "0e10")]
    [InlineData("-12.50", "-1.25e1")]
    [InlineData("123456789012345678901234567890", "1.2345678901234567890123456789e29")]
    [InlineData("1e400", "10e399")]
    [InlineData("1e-400", "0.1e-399")]
    [InlineData("\"\\u0041\"", "\"A\"")]
    [InlineData("\"a\\nb\\/\"", "\"a\\u000ab/\"")]
    [InlineData("""{"\u0061":1}""", """{"a":1}""")]
    [InlineData("\"\\ud800x\"", "\"\\uD800\\u0078\"")]
    [InlineData("\"\\ud83d\\ude00\"", "\"\U0001F600\"")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", " null ")]
    [InlineData("""{"a":1,"a":2}""", """{"a":2,"a":1}""")]
    public void Equal_values(string left, string right) => AssertEqualJson(left, right);

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":1}""", """{"b":1}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":1}""")]
    [InlineData("""{"a":null}""", "{}")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("[1,2]", "[1,2,3]")]
    [InlineData("[[1]]", "[1]")]
    [InlineData("1", "2")]
    [InlineData("1", "\"1\"")]
    [InlineData("0.1", "0.10000000000000001")]
    [InlineData("1e400", "1e401")]
    [InlineData("-1", "1")]
    [InlineData("\"a\"", "\"A\"")]
    [InlineData("\"\\ud800\"", "\"\\ud801\"")]
    [InlineData("\"\\ud800\"", "\"\"")]
    [InlineData("true", "false")]
    [InlineData("null", "false")]
    [InlineData("null", "0")]
    [InlineData("null", "\"\"")]
    [InlineData("[]", "{}")]
    [InlineData("""{"a":1,"a":1}""", """{"a":1,"a":2}""")]
    [InlineData("""{"a":1,"a":2}""", """{"a":1,"b":2}""")]
    public void Different_values(string left, string right) => AssertNotEqualJson(left, right);

    [Fact]
    public void Default_is_json_null()
    {
        JsonAny value = default;

        Assert.Equal(JsonValueKind.Null, value.ValueKind);
        Assert.Equal(JsonValueKind.Null, value.Element.ValueKind);
        Assert.Equal("null", value.ToString());
        Assert.True(value == JsonAny.Null);
        Assert.True(value == JsonAny.Parse("null"));
        Assert.Equal(JsonAny.Parse("null").GetHashCode(), value.GetHashCode());
        Assert.True(new JsonAny(default) == JsonAny.Null);
    }

    [Fact]
    public void Value_survives_disposal_of_its_document()
    {
        JsonAny value;
        using (JsonDocument document = JsonDocument.Parse("""{"a":[1,2,{"b":"c"}]}"""))
        {
            value = new JsonAny(document.RootElement.GetProperty("a"));
        }

        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        Assert.Equal("c", value.Element[2].GetProperty("b").GetString());
        Assert.True(value == JsonAny.Parse("""[1, 2, {"b": "c"}]"""));
    }

    [Fact]
    public void ToString_is_compact_json()
    {
        JsonAny value = JsonAny.Parse("""
            {
              "a" : [ 1, 2.50, true, null ],
              "b" : { "c" : "d é" }
            }
            """);

        Assert.Equal("""{"a":[1,2.50,true,null],"b":{"c":"d é"}}""", value.ToString());
        Assert.Equal("1e3", JsonAny.Parse(" 1e3 ").ToString());
        Assert.Equal("\"x\\\"y\"", JsonAny.Parse("\"x\\\"y\"").ToString());
        Assert.Equal("true", JsonAny.Parse("true").ToString());
    }

    [Fact]
    public void ToString_round_trips()
    {
        JsonAny value = JsonAny.Parse("""{"s":"line\nbreak \"quoted\" \u0001","n":[-1.5e-3,{}]}""");

        Assert.True(JsonAny.Parse(value.ToString()) == value);
    }

    [Fact]
    public void ToString_keeps_an_escaped_lone_surrogate()
    {
        Assert.Equal("""["\ud800"]""", JsonAny.Parse("""["\ud800"]""").ToString());
    }

    [Fact]
    public void WriteTo_writes_the_value()
    {
        JsonAny value = JsonAny.Parse("""{"a": [1, "x"]}""");

        using MemoryStream stream = new MemoryStream();
        using (Utf8JsonWriter writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            value.WriteTo(writer);
            writer.WritePropertyName("none");
            default(JsonAny).WriteTo(writer);
            writer.WriteEndObject();
        }

        Assert.Equal("""{"value":{"a":[1,"x"]},"none":null}""", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Parse_rejects_invalid_json()
    {
        Assert.ThrowsAny<JsonException>(() => JsonAny.Parse("{"));
        Assert.ThrowsAny<JsonException>(() => JsonAny.Parse(""));
        Assert.Throws<ArgumentNullException>(() => JsonAny.Parse(null!));
    }

    [Fact]
    public void ValueKind_reports_the_kind()
    {
        Assert.Equal(JsonValueKind.Object, JsonAny.Parse("{}").ValueKind);
        Assert.Equal(JsonValueKind.Array, JsonAny.Parse("[]").ValueKind);
        Assert.Equal(JsonValueKind.String, JsonAny.Parse("\"\"").ValueKind);
        Assert.Equal(JsonValueKind.Number, JsonAny.Parse("0").ValueKind);
        Assert.Equal(JsonValueKind.True, JsonAny.Parse("true").ValueKind);
        Assert.Equal(JsonValueKind.False, JsonAny.Parse("false").ValueKind);
        Assert.Equal(JsonValueKind.Null, JsonAny.Parse("null").ValueKind);
    }

    [Fact]
    public void Equal_values_collapse_in_a_set()
    {
        HashSet<JsonAny> set =
        [
            JsonAny.Parse("""{"a":1,"b":[1,2]}"""),
            JsonAny.Parse("""{"b":[1.0,2e0],"a":1.00}"""),
            JsonAny.Parse("""{"a":1,"b":[2,1]}"""),
            default,
            JsonAny.Parse("null"),
        ];

        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Record_holding_json_compares_by_value()
    {
        Assert.Equal(
            new Holder(JsonAny.Parse("""{"x":1,"y":"\u0041"}""")),
            new Holder(JsonAny.Parse("""{"y":"A","x":1.0}""")));
    }

    private sealed record Holder(JsonAny Payload);

    /// <summary>Issue #10: equality and hashing do not recurse into the nesting, so a deep value compares on a small stack.</summary>
    [Fact]
    public void Deep_values_compare_and_hash_on_a_small_stack()
    {
        static JsonAny Nested(int depth, string inner) => new JsonAny(JsonDocument.Parse(
            new string('[', depth) + "{\"k\":" + inner + ",\"k\":[" + inner + "]}" + new string(']', depth),
            new JsonDocumentOptions { MaxDepth = depth + 10 }).RootElement);

        var left = Nested(20_000, "1");
        var same = Nested(20_000, "1.0");
        var other = Nested(20_000, "2");
        var outcome = new List<string>();
        var thread = new System.Threading.Thread(
            () =>
            {
                try
                {
                    outcome.Add("equal " + left.Equals(same) + " " + same.Equals(left));
                    outcome.Add("hash " + (left.GetHashCode() == same.GetHashCode()));
                    outcome.Add("other " + left.Equals(other) + " " + other.Equals(left));
                }
                catch (Exception exception)
                {
                    outcome.Add("threw " + exception.GetType().Name);
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal(new[] { "equal True True", "hash True", "other False False" }, outcome);
    }

    [Theory]
    [InlineData("""{"a":[1,{"b":2}],"a":[3]}""", """{"a":[3],"a":[1,{"b":2.0}]}""", true)]
    [InlineData("""{"a":1,"a":1,"b":2}""", """{"a":1,"b":2,"a":1}""", true)]
    [InlineData("""{"a":1,"a":2}""", """{"a":1,"a":1}""", false)]
    [InlineData("""{"a":1,"a":2}""", """{"a":1,"b":2}""", false)]
    [InlineData("""[{"x":[{"y":1}]}]""", """[{"x":[{"y":2}]}]""", false)]
    public void Repeated_member_names_compare_as_a_multiset_at_any_level(string left, string right, bool equal)
    {
        if (equal)
        {
            AssertEqualJson(left, right);
        }
        else
        {
            AssertNotEqualJson(left, right);
        }
    }
}
