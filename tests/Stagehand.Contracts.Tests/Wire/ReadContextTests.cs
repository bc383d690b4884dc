using System;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts.Tests.Wire;

/// <summary>The value readers of <see cref="ContractReadContext"/>, one token at a time.</summary>
public sealed class ReadContextTests
{
    private delegate bool Step(ref Utf8JsonReader reader, ref ContractReadContext context);

    /// <summary>Reads <paramref name="json"/> and runs <paramref name="step"/> on its first token; returns what it returned, the result, and the final token.</summary>
    private static (bool Ok, ValidationResult Result, JsonTokenType Last) Run(string json, Step step, ContractReadOptions? options = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        ContractReadContext context = new ContractReadContext(bytes, options);
        try
        {
            Utf8JsonReader reader = context.CreateReader();
            Assert.True(context.ReadFirstToken(ref reader));
            bool ok = step(ref reader, ref context);
            JsonTokenType last = reader.TokenType;
            context.ExpectEnd(ref reader);
            return (ok, context.ToResult(), last);
        }
        finally
        {
            context.Dispose();
        }
    }

    [Theory]
    [InlineData("{\"a\":[1,{\"b\":2}]}", JsonTokenType.EndObject)]
    [InlineData("[[1],[2]]", JsonTokenType.EndArray)]
    [InlineData("5", JsonTokenType.Number)]
    public void A_type_mismatch_skips_the_value(string json, JsonTokenType last)
    {
        (bool ok, ValidationResult result, JsonTokenType end) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadString(ref r, null, true, out _));
        Assert.False(ok);
        Assert.Equal(last, end);
        Assert.Equal(("", "type", "Expected a string."), (result.Errors[0].Pointer, result.Errors[0].Keyword, result.Errors[0].Message));
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Strings_are_unescaped_and_checked()
    {
        string? value = null;
        (bool ok, ValidationResult result, _) = Run("\"a\\u00e9\\ud83d\\ude00\\n\\/\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadString(ref r, new StringRules(maxLength: 5), true, out value));
        Assert.True(ok);
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal("aé😀\n/", value);

        (ok, result, _) = Run("\"" + new string('x', 1000) + "\\u0041\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadString(ref r, new StringRules(maxLength: 1001), true, out value));
        Assert.True(ok);
        Assert.Equal(1001, value!.Length);

        (ok, result, _) = Run("\"\\ud800" + new string('x', 1000) + "\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadString(ref r, null, true, out value));
        Assert.False(ok);
        Assert.Equal("json", Assert.Single(result.Errors).Keyword);
    }

    [Fact]
    public void Guids_are_read_strictly()
    {
        Guid value = default;
        Assert.True(Run("\"2EB8AA08-aa98-11ea-b4aa-73b441d16380\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadGuid(ref r, null, out value)).Ok);
        Assert.Equal(Guid.Parse("2eb8aa08-aa98-11ea-b4aa-73b441d16380"), value);
        Assert.True(Run("\"\\u0032eb8aa08-aa98-11ea-b4aa-73b441d16380\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadGuid(ref r, StringRules.Uuid, out value)).Ok);

        foreach (string bad in new[] { "\"{2eb8aa08-aa98-11ea-b4aa-73b441d16380}\"", "\"2eb8aa08aa9811eab4aa73b441d16380\"", "\" 2eb8aa08-aa98-11ea-b4aa-73b441d16380\"" })
        {
            (bool ok, ValidationResult result, _) = Run(bad, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadGuid(ref r, null, out value));
            Assert.False(ok);
            Assert.Equal("format", Assert.Single(result.Errors).Keyword);
        }

        (bool patterned, ValidationResult patternResult, _) = Run("\"2eb8aa08-aa98-11ea-b4aa-73b441d16380\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadGuid(ref r, new StringRules(pattern: "^0", format: StringFormat.Uuid), out value));
        Assert.False(patterned);
        Assert.Equal("pattern", Assert.Single(patternResult.Errors).Keyword);
    }

    [Fact]
    public void Date_times_are_read_strictly()
    {
        DateTimeOffset value = default;
        Assert.True(Run("\"1990-12-31T15:59:50.1234567891-08:00\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDateTimeOffset(ref r, null, out value)).Ok);
        Assert.Equal(new DateTimeOffset(1990, 12, 31, 15, 59, 50, TimeSpan.FromHours(-8)).AddTicks(1234567), value);

        Assert.True(Run("\"1998-12-31t23:59:60z\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDateTimeOffset(ref r, StringRules.DateTime, out value)).Ok);
        Assert.Equal(new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero), value);

        (bool ok, ValidationResult result, _) = Run("\"1990-12-31\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDateTimeOffset(ref r, null, out value));
        Assert.False(ok);
        Assert.Equal("format", Assert.Single(result.Errors).Keyword);

        // Valid RFC 3339 that DateTimeOffset cannot hold.
        foreach (string unrepresentable in new[] { "\"0000-01-01T00:00:00Z\"", "\"2000-01-01T00:00:00+15:00\"", "\"9999-12-31T23:59:59-01:00\"" })
        {
            (ok, result, _) = Run(unrepresentable, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDateTimeOffset(ref r, null, out value));
            Assert.False(ok);
            Assert.Equal("format", Assert.Single(result.Errors).Keyword);
        }
    }

    [Fact]
    public void Uris_are_built_only_when_building()
    {
        Uri? value = null;
        Assert.True(Run("\"https://example.com/a?b=c#d\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadUri(ref r, null, false, out value)).Ok);
        Assert.Null(value);
        Assert.True(Run("\"https://example.com/a?b=c#d\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadUri(ref r, StringRules.Uri, true, out value)).Ok);
        Assert.Equal(new Uri("https://example.com/a?b=c#d"), value);

        (bool ok, ValidationResult result, _) = Run("\"/relative\"", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadUri(ref r, null, true, out value));
        Assert.False(ok);
        Assert.Equal(("format", "The value is not an absolute URI (RFC 3986)."), (result.Errors[0].Keyword, result.Errors[0].Message));
    }

    [Theory]
    [InlineData("true", true, true)]
    [InlineData("false", true, false)]
    [InlineData("1", false, false)]
    [InlineData("\"true\"", false, false)]
    [InlineData("null", false, false)]
    public void Booleans_are_true_or_false(string json, bool ok, bool expected)
    {
        bool value = false;
        (bool read, ValidationResult result, _) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadBoolean(ref r, out value));
        Assert.Equal(ok, read);
        Assert.Equal(expected, value);
        Assert.Equal(ok, result.IsValid);
    }

    [Theory]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("-9223372036854775808", true, long.MinValue)]
    [InlineData("-9223372036854775808.000", true, long.MinValue)]
    [InlineData("9.223372036854775807e18", true, long.MaxValue)]
    [InlineData("9223372036854775808", false, 0L)]
    [InlineData("-9223372036854775809", false, 0L)]
    [InlineData("1e19", false, 0L)]
    [InlineData("0.5", false, 0L)]
    public void Longs_must_be_whole_and_fit(string json, bool ok, long expected)
    {
        long value = 1;
        (bool read, ValidationResult result, _) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadInt64(ref r, null, out value));
        Assert.Equal(ok, read);
        Assert.Equal(expected, value);
        if (!ok)
        {
            Assert.Equal(("type", "Expected a whole number that fits in 64 bits."), (result.Errors[0].Keyword, result.Errors[0].Message));
        }
    }

    [Theory]
    [InlineData("1.5", true)]
    [InlineData("1e308", true)]
    [InlineData("1e-400", true)]
    [InlineData("1e400", false)]
    [InlineData("-1e400", false)]
    public void Doubles_must_be_finite(string json, bool ok)
    {
        (bool read, ValidationResult result, _) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDouble(ref r, null, out _));
        Assert.Equal(ok, read);
        Assert.Equal(ok, result.IsValid);
        if (!ok)
        {
            Assert.Equal("type", result.Errors[0].Keyword);
        }
    }

    [Fact]
    public void Double_bounds_compare_the_text_exactly()
    {
        NumberRules rules = new NumberRules(maximum: "0.1");
        Assert.True(Run("0.1", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDouble(ref r, rules, out _)).Ok);
        Assert.False(Run("0.10000000000000000001", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadDouble(ref r, rules, out _)).Ok);
    }

    [Theory]
    [InlineData("5", true)]
    [InlineData("50", false)]
    [InlineData("\"50\"", true)]
    [InlineData("null", true)]
    public void CheckNumber_only_constrains_numbers(string json, bool ok)
    {
        NumberRules rules = new NumberRules(maximum: "10");
        (bool read, ValidationResult result, _) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.CheckNumber(ref r, rules));
        Assert.Equal(ok, read);
        Assert.Equal(ok, result.IsValid);
    }

    [Theory]
    [InlineData("\"ab\"", true)]
    [InlineData("\"abcd\"", false)]
    [InlineData("\"\\ud800\"", false)]
    [InlineData("1234", true)]
    [InlineData("[\"abcd\"]", true)]
    public void CheckString_only_constrains_strings(string json, bool ok)
    {
        StringRules rules = new StringRules(maxLength: 3);
        (bool read, ValidationResult result, _) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) =>
        {
            bool checkedOk = c.CheckString(ref r, rules);
            r.Skip();
            return checkedOk;
        });
        Assert.Equal(ok, read);
        Assert.Equal(ok, result.IsValid);
    }

    [Theory]
    [InlineData("{\"a\":[1,\"x\",{\"b\":null}],\"c\":true}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("-1.5e3")]
    [InlineData("null")]
    public void Any_value_is_read_or_skipped(string json)
    {
        JsonAny value = default;
        (bool ok, ValidationResult result, JsonTokenType last) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadAny(ref r, true, out value));
        Assert.True(ok);
        Assert.Same(ValidationResult.Valid, result);
        Assert.Equal(JsonAny.Parse(json), value);

        (ok, result, JsonTokenType skippedLast) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadAny(ref r, false, out value));
        Assert.True(ok);
        Assert.Equal(last, skippedLast);
        Assert.Equal(default, value);
    }

    [Fact]
    public void Any_value_rejects_invalid_text_inside()
    {
        (bool ok, ValidationResult result, JsonTokenType last) = Run("{\"a\":[\"\\udc00\"],\"\\ud800\":1}", (ref Utf8JsonReader r, ref ContractReadContext c) => c.TryReadAny(ref r, true, out _));
        Assert.False(ok);
        Assert.Equal(JsonTokenType.EndObject, last);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("json", e.Keyword));
    }

    [Theory]
    [InlineData("1", "1.0", true)]
    [InlineData("100", "1e2", true)]
    [InlineData("0.1", "1e-1", true)]
    [InlineData("12345678901234567890123", "1.2345678901234567890123e22", true)]
    [InlineData("1", "2", false)]
    [InlineData("1", "\"1\"", false)]
    [InlineData("\"a\\u0062\"", "\"ab\"", true)]
    [InlineData("\"ab\"", "\"a\\u0062\"", true)]
    [InlineData("\"\\ud800\"", "\"x\"", false)]
    [InlineData("\"a\"", "\"b\"", false)]
    [InlineData("null", "null", true)]
    [InlineData("true", "true", true)]
    [InlineData("true", "false", false)]
    [InlineData("false", "null", false)]
    [InlineData("{\"a\":1,\"b\":[1,2]}", "{\"b\":[1.0,2],\"a\":1}", true)]
    [InlineData("{\"a\":1}", "{\"a\":2}", false)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("[]", "{}", false)]
    public void ValueEquals_uses_json_equality_and_does_not_move_the_reader(string json, string literal, bool equal)
    {
        JsonAny constant = JsonAny.Parse(literal);
        (bool ok, _, _) = Run(json, (ref Utf8JsonReader r, ref ContractReadContext c) =>
        {
            JsonTokenType before = r.TokenType;
            long consumed = r.BytesConsumed;
            bool result = c.ValueEquals(ref r, constant);
            Assert.Equal(before, r.TokenType);
            Assert.Equal(consumed, r.BytesConsumed);
            r.Skip();
            return result;
        });
        Assert.Equal(equal, ok);
    }

    [Fact]
    public void A_trial_counts_errors_without_recording_them()
    {
        ContractReadContext context = new ContractReadContext("{}"u8, null);
        try
        {
            int mark = context.BeginTrial();
            context.AddError("type", "muted");
            Assert.Equal(1, context.ErrorCount);
            int inner = context.BeginTrial();
            Assert.True(context.EndTrial(inner));
            Assert.False(context.EndTrial(mark));
            Assert.Equal(0, context.ErrorCount);
            Assert.Same(ValidationResult.Valid, context.ToResult());

            mark = context.BeginTrial();
            Assert.True(context.EndTrial(mark));
            context.AddError("oneOf", "recorded");
            Assert.Equal(1, context.ErrorCount);
            Assert.Equal("recorded", Assert.Single(context.ToResult().Errors).Message);
        }
        finally
        {
            context.Dispose();
        }
    }

    [Fact]
    public void Errors_past_the_cap_and_in_trials_are_counted()
    {
        ContractReadContext context = new ContractReadContext("{}"u8, new ContractReadOptions { MaxErrors = 2 });
        try
        {
            int mark = context.BeginTrial();
            context.AddError("a", "muted");
            context.AddError("a", "muted");
            context.AddError("a", "muted");
            context.EndTrial(mark);
            Assert.Equal(0, context.ErrorCount);
            Assert.False(context.ToResult().IsTruncated);

            context.AddError("b", "1");
            context.AddError("b", "2");
            context.AddError("b", "3");
            Assert.Equal(3, context.ErrorCount);
            ValidationResult result = context.ToResult();
            Assert.True(result.IsTruncated);
            Assert.Equal(2, result.Errors.Count);
        }
        finally
        {
            context.Dispose();
        }
    }

    [Fact]
    public void Member_errors_extend_the_pointer_with_an_escaped_name()
    {
        ContractReadContext context = new ContractReadContext("{}"u8, null);
        try
        {
            context.PushIndex(3);
            context.AddMemberError("required", "a/b~c", "The member is required.");
            context.Pop();
            context.Pop();
            context.AddError("x", "root");
            Assert.Equal(["/3/a~1b~0c", ""], System.Linq.Enumerable.Select(context.ToResult().Errors, e => e.Pointer));
        }
        finally
        {
            context.Dispose();
        }
    }

    [Fact]
    public void Deep_pointers_grow_the_stack()
    {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            json.Append("{\"k").Append(i).Append("\":");
        }

        json.Append('1').Append('}', 40);
        (bool ok, ValidationResult result, _) = Run(json.ToString(), (ref Utf8JsonReader r, ref ContractReadContext c) =>
        {
            int depth = 0;
            while (r.TokenType == JsonTokenType.StartObject)
            {
                r.Read();
                c.PushProperty(ref r);
                c.PushIndex(depth++);
                r.Read();
            }

            c.AddError("x", "deep");
            while (r.Read())
            {
            }

            return true;
        });
        Assert.True(ok);
        string pointer = Assert.Single(result.Errors).Pointer;
        Assert.StartsWith("/k0/0/k1/1/k2/2", pointer, StringComparison.Ordinal);
        Assert.EndsWith("/k39/39", pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_names_are_read_with_their_duplicates_rejected()
    {
        (bool ok, ValidationResult result, _) = Run("{\"a\":1,\"b\":2,\"\\u0061\":3}", (ref Utf8JsonReader r, ref ContractReadContext c) =>
        {
            MemberNameSet names = default;
            bool all = true;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                c.PushProperty(ref r);
                all &= c.TryReadPropertyName(ref r, ref names, true, out string? name);
                Assert.NotNull(name is null && all ? "x" : name ?? "dup");
                r.Read();
                c.Pop();
            }

            return all;
        });
        Assert.False(ok);
        ValidationError error = Assert.Single(result.Errors);
        Assert.Equal(("/a", "duplicate"), (error.Pointer, error.Keyword));
    }

    [Fact]
    public void The_reader_is_strict()
    {
        ContractReadContext context = new ContractReadContext("[1]"u8, new ContractReadOptions { MaxDepth = 7 });
        try
        {
            Utf8JsonReader reader = context.CreateReader();
            Assert.Equal(JsonCommentHandling.Disallow, reader.CurrentState.Options.CommentHandling);
            Assert.False(reader.CurrentState.Options.AllowTrailingCommas);
            Assert.Equal(7, reader.CurrentState.Options.MaxDepth);
            Assert.Equal(ReadPolicy.AsDeclared, context.Policy);
        }
        finally
        {
            context.Dispose();
        }
    }
}

public sealed class ContractValueValidatorTests
{
    [Fact]
    public void A_valid_value_is_the_shared_valid_result()
    {
        ContractValueValidator validator = new ContractValueValidator();
        validator.Push("threshold");
        validator.Check(5L, new NumberRules(minimum: "1"));
        validator.Pop();
        validator.Required("x", "name");
        validator.CheckCount(1, 1, 2);
        Assert.Same(ValidationResult.Valid, validator.ToResult());
    }

    [Fact]
    public void Errors_point_at_wire_names_and_indices()
    {
        ContractValueValidator validator = new ContractValueValidator();
        validator.Push("serverCache");
        validator.Push("threshold");
        validator.Check(0L, new NumberRules(minimum: "1"));
        validator.Pop();
        validator.Required(null, "a/b");
        validator.Push("items");
        validator.CheckCount(0, 1, null);
        validator.Push(2);
        validator.Check("", new StringRules(minLength: 1));
        validator.Check(0.5, new NumberRules(integer: true));
        validator.AddError("anyOf", "The union holds no case.");
        validator.Pop();
        validator.Pop();
        validator.Pop();
        validator.CheckCount(3, null, 2);

        ValidationResult result = validator.ToResult();
        Assert.Equal(
            [
                ("/serverCache/threshold", "minimum"),
                ("/serverCache/a~1b", "required"),
                ("/serverCache/items", "minItems"),
                ("/serverCache/items/2", "minLength"),
                ("/serverCache/items/2", "type"),
                ("/serverCache/items/2", "anyOf"),
                ("", "maxItems"),
            ],
            System.Linq.Enumerable.Select(result.Errors, e => (e.Pointer, e.Keyword)));
        Assert.Equal("The list must have at most 2 items.", result.Errors[6].Message);
    }
}
