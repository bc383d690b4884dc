using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Contracts.Tests.Runtime;

public sealed class ValueMapTests
{
    private static KeyValuePair<string, TValue> Pair<TValue>(string key, TValue value) => new(key, value);

    [Fact]
    public void Enumeration_preserves_insertion_order()
    {
        ValueMap<int> map = ValueMap.Create(Pair("z", 1), Pair("a", 2), Pair("m", 3));

        Assert.Equal(new[] { "z", "a", "m" }, map.Select(e => e.Key));
        Assert.Equal(new[] { "z", "a", "m" }, map.Keys);
        Assert.Equal(new[] { 1, 2, 3 }, map.Values);
        Assert.Equal("{z: 1, a: 2, m: 3}", map.ToString());

        List<string> seen = new List<string>();
        foreach (KeyValuePair<string, int> entry in map)
        {
            seen.Add(entry.Key);
        }

        Assert.Equal(new[] { "z", "a", "m" }, seen);
    }

    [Fact]
    public void Equality_ignores_order()
    {
        ValueMap<int> left = ValueMap.Create(Pair("a", 1), Pair("b", 2));
        ValueMap<int> right = ValueMap.Create(Pair("b", 2), Pair("a", 1));

        Assert.True(left.Equals(right));
        Assert.True(left.Equals((object)right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Different_values_or_keys_are_not_equal()
    {
        ValueMap<int> map = ValueMap.Create(Pair("a", 1), Pair("b", 2));

        Assert.False(map == ValueMap.Create(Pair("a", 1), Pair("b", 3)));
        Assert.False(map == ValueMap.Create(Pair("a", 1), Pair("c", 2)));
        Assert.False(map == ValueMap.Create(Pair("a", 1)));
        Assert.False(map == ValueMap.Create(Pair("a", 1), Pair("b", 2), Pair("c", 3)));
        Assert.False(map == null);
        Assert.False(null == map);
        Assert.True((ValueMap<int>?)null == null);
    }

    [Fact]
    public void Keys_are_compared_ordinally()
    {
        ValueMap<int> map = ValueMap.Create(Pair("a", 1), Pair("A", 2));

        Assert.Equal(2, map.Count);
        Assert.Equal(1, map["a"]);
        Assert.Equal(2, map["A"]);
        Assert.False(map == ValueMap.Create(Pair("a", 1), Pair("a ", 2)));
    }

    [Fact]
    public void Duplicate_key_is_rejected_with_its_name()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => new ValueMap<int>(new[] { Pair("a", 1), Pair("dup", 2), Pair("dup", 3) }));

        Assert.Contains("'dup'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ValueMap.Create(Pair("x", 1), Pair("x", 1)));
    }

    [Fact]
    public void Null_key_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ValueMap.Create(Pair<int>(null!, 1)));
    }

    [Fact]
    public void Lookup_members_work()
    {
        ValueMap<string?> map = ValueMap.Create(Pair<string?>("a", "x"), Pair<string?>("n", null));

        Assert.True(map.ContainsKey("a"));
        Assert.False(map.ContainsKey("b"));
        Assert.True(map.TryGetValue("a", out string? a));
        Assert.Equal("x", a);
        Assert.True(map.TryGetValue("n", out string? n));
        Assert.Null(n);
        Assert.False(map.TryGetValue("b", out _));
        Assert.Throws<KeyNotFoundException>(() => map["b"]);
        Assert.Equal("{a: x, n: null}", map.ToString());
    }

    [Fact]
    public void Implicit_conversion_from_dictionary_copies()
    {
        Dictionary<string, int> source = new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 };

        ValueMap<int> map = source;
        source["a"] = 100;
        source["c"] = 3;

        Assert.Equal(2, map.Count);
        Assert.Equal(1, map["a"]);
        Assert.Equal(new[] { "b", "a" }, map.Keys);
        Assert.True(map == ValueMap.Create(Pair("a", 1), Pair("b", 2)));
    }

    [Fact]
    public void Null_dictionary_converts_to_null()
    {
        Dictionary<string, int>? source = null;

        ValueMap<int>? map = source;

        Assert.Null(map);
    }

    [Fact]
    public void Empty_maps_are_equal()
    {
        ValueMap<int> fromDictionary = new Dictionary<string, int>();

        Assert.Same(ValueMap<int>.Empty, fromDictionary);
        Assert.True(ValueMap<int>.Empty == new ValueMap<int>(Array.Empty<KeyValuePair<string, int>>()));
        Assert.Equal("{}", ValueMap<int>.Empty.ToString());
        Assert.Empty(ValueMap<int>.Empty);
    }

    [Fact]
    public void Collection_expression_builds_the_map()
    {
        ValueMap<int> map = [Pair("a", 1), Pair("b", 2)];

        Assert.Equal(new[] { "a", "b" }, map.Keys);
        Assert.Equal(2, map["b"]);
    }

    [Fact]
    public void Values_holding_lists_compare_by_value()
    {
        ValueMap<ValueList<int>> left = ValueMap.Create(Pair<ValueList<int>>("a", [1, 2]), Pair<ValueList<int>>("b", []));
        ValueMap<ValueList<int>> right = ValueMap.Create(Pair<ValueList<int>>("b", []), Pair<ValueList<int>>("a", [1, 2]));

        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Works_through_the_dictionary_interface()
    {
        IReadOnlyDictionary<string, int> map = ValueMap.Create(Pair("a", 1), Pair("b", 2));

        Assert.Equal(new[] { "a", "b" }, map.Keys);
        Assert.Equal(new[] { 1, 2 }, map.Values);
        Assert.Equal(2, map["b"]);
        Assert.Equal(2, map.Count);
    }
}
