using System;
using System.Collections.Generic;

namespace Stagehand.Contracts.Tests.Runtime;

public sealed class OptionalTests
{
    private sealed record Patch(Optional<string?> Name);

    [Fact]
    public void Default_is_absent()
    {
        Optional<string?> absent = default;

        Assert.False(absent.HasValue);
        Assert.False(Optional<string?>.Absent.HasValue);
        Assert.False(Optional.Absent<int>().HasValue);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => absent.Value);
        Assert.Equal("The optional value is absent.", error.Message);
        Assert.Equal("<absent>", absent.ToString());
    }

    [Fact]
    public void Null_converts_to_a_present_null()
    {
        Optional<Guid?> value = null;

        Assert.True(value.HasValue);
        Assert.False(value.Value.HasValue);
        Assert.Equal("null", value.ToString());
        Assert.False(value == Optional<Guid?>.Absent);
    }

    [Fact]
    public void Present_null_reference_is_not_absent()
    {
        Optional<string?> present = null;
        Optional<string?> explicitNull = Optional.Of<string?>(null);

        Assert.True(present.HasValue);
        Assert.Null(present.Value);
        Assert.True(present == explicitNull);
        Assert.True(present != default);
        Assert.NotEqual(present.GetHashCode(), default(Optional<string?>).GetHashCode());
    }

    [Fact]
    public void Present_value_is_readable()
    {
        Guid id = Guid.NewGuid();
        Optional<Guid?> value = id;

        Assert.True(value.HasValue);
        Assert.Equal(id, value.Value);
        Assert.True(value.TryGetValue(out Guid? read));
        Assert.Equal(id, read);
        Assert.Equal(id, value.GetValueOrDefault(null));
        Assert.Equal(id.ToString(), value.ToString());
    }

    [Fact]
    public void GetValueOrDefault_and_TryGetValue_on_absent()
    {
        Optional<int> absent = Optional<int>.Absent;

        Assert.Equal(7, absent.GetValueOrDefault(7));
        Assert.False(absent.TryGetValue(out int read));
        Assert.Equal(0, read);
        Assert.Equal(3, Optional.Of(3).GetValueOrDefault(7));
    }

    [Fact]
    public void Equality_distinguishes_absent_null_and_value()
    {
        Optional<string?> absent = default;
        Optional<string?> nullValue = new Optional<string?>(null);
        Optional<string?> text = "x";
        Optional<string?> sameText = new string('x', 1);
        Optional<string?> otherText = "y";

        Assert.True(absent == Optional<string?>.Absent);
        Assert.False(absent == nullValue);
        Assert.False(nullValue == text);
        Assert.False(absent == text);
        Assert.True(text == sameText);
        Assert.True(text.Equals((object)sameText));
        Assert.Equal(text.GetHashCode(), sameText.GetHashCode());
        Assert.True(text != otherText);
        Assert.True(text.Equals("x")); // "x" converts to a present optional
        Assert.False(text.Equals((object)"x"));
    }

    [Fact]
    public void Record_with_optional_member_compares_by_state()
    {
        Assert.Equal(new Patch(default), new Patch(Optional<string?>.Absent));
        Assert.Equal(new Patch(null), new Patch(Optional.Of<string?>(null)));
        Assert.NotEqual(new Patch(default), new Patch(null));
        Assert.Equal(new Patch("a"), new Patch("a"));
    }

    [Fact]
    public void Optionals_work_as_set_members()
    {
        HashSet<Optional<int?>> set = [default, null, 1, Optional.Of<int?>(1), Optional<int?>.Absent];

        Assert.Equal(3, set.Count);
    }
}
