using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Contracts.Tests.Runtime;

public sealed class ValueListTests
{
    private sealed record Holder(string Name, ValueList<string> Tags);

    [Fact]
    public void Lists_with_equal_elements_in_the_same_order_are_equal()
    {
        ValueList<string> left = new ValueList<string>(new List<string> { "a", "b", "c" });
        ValueList<string> right = new[] { "a", "b", "c" };

        Assert.True(left.Equals(right));
        Assert.True(left.Equals((object)right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Order_matters()
    {
        ValueList<int> left = [1, 2, 3];
        ValueList<int> right = [3, 2, 1];

        Assert.False(left.Equals(right));
        Assert.True(left != right);
    }

    [Fact]
    public void Lists_of_different_lengths_are_not_equal()
    {
        ValueList<int> left = [1, 2];
        ValueList<int> right = [1, 2, 3];

        Assert.False(left == right);
        Assert.False(right == left);
    }

    [Fact]
    public void Equality_operators_are_null_safe()
    {
        ValueList<int>? none = null;
        ValueList<int> some = [1];

        Assert.True(none == null);
        Assert.False(none == some);
        Assert.False(some == none);
        Assert.True(some != none);
        Assert.False(some.Equals(null));
    }

    [Fact]
    public void Null_elements_are_compared_and_printed()
    {
        ValueList<string?> left = ["a", null];
        ValueList<string?> right = ["a", null];

        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.Equal("[a, null]", left.ToString());
    }

    [Fact]
    public void Collection_expression_builds_the_list()
    {
        ValueList<string> list = ["a", "b"];

        Assert.Equal(2, list.Count);
        Assert.Equal("a", list[0]);
        Assert.Equal("b", list[1]);
        Assert.Equal(new[] { "a", "b" }, list.ToArray());
    }

    [Fact]
    public void Empty_collection_expression_is_the_empty_list()
    {
        ValueList<int> list = [];

        Assert.Same(ValueList<int>.Empty, list);
        Assert.Empty(list);
        Assert.True(list == new ValueList<int>(Array.Empty<int>()));
        Assert.Equal("[]", list.ToString());
    }

    [Fact]
    public void Mutating_the_source_array_does_not_change_the_list()
    {
        string[] source = ["a", "b"];
        ValueList<string> fromConversion = source;
        ValueList<string> fromConstructor = new ValueList<string>(source);
        ValueList<string> fromSpan = ValueList.Create<string>(source);

        source[0] = "changed";

        Assert.Equal("a", fromConversion[0]);
        Assert.Equal("a", fromConstructor[0]);
        Assert.Equal("a", fromSpan[0]);
    }

    [Fact]
    public void Mutating_the_array_from_ToArray_does_not_change_the_list()
    {
        ValueList<int> list = [1, 2, 3];

        int[] copy = list.ToArray();
        copy[0] = 42;

        Assert.Equal(1, list[0]);
        Assert.True(list == [1, 2, 3]);
    }

    [Fact]
    public void Null_array_converts_to_null()
    {
        int[]? source = null;

        ValueList<int>? list = source;

        Assert.Null(list);
    }

    [Fact]
    public void Enumeration_follows_order()
    {
        ValueList<int> list = [3, 1, 2];

        List<int> seen = new List<int>();
        foreach (int item in list)
        {
            seen.Add(item);
        }

        Assert.Equal(new[] { 3, 1, 2 }, seen);
        Assert.Equal(new[] { 3, 1, 2 }, list.AsEnumerable().ToArray());
        Assert.Equal(new[] { 3, 1, 2 }, ((IReadOnlyList<int>)list).Select(x => x));
    }

    [Fact]
    public void Indexer_out_of_range_throws()
    {
        ValueList<int> list = [1];

        Assert.ThrowsAny<IndexOutOfRangeException>(() => list[1]);
    }

    [Fact]
    public void ToString_lists_the_elements()
    {
        ValueList<int> list = [1, 2, 3];

        Assert.Equal("[1, 2, 3]", list.ToString());
    }

    [Fact]
    public void Nested_lists_compare_by_value()
    {
        ValueList<ValueList<int>> left = [[1, 2], [3]];
        ValueList<ValueList<int>> right = [[1, 2], [3]];
        ValueList<ValueList<int>> other = [[1, 2], [4]];

        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.False(left == other);
    }

    [Fact]
    public void A_record_holding_a_list_compares_by_value()
    {
        Holder left = new Holder("x", ["a", "b"]);
        Holder right = new Holder("x", new[] { "a", "b" });
        Holder other = new Holder("x", ["b", "a"]);

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, other);
        Assert.Contains("Tags = [a, b]", left.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_work_as_dictionary_keys()
    {
        HashSet<ValueList<string>> set = [["a", "b"], ["a", "b"], ["b"]];

        Assert.Equal(2, set.Count);
        Assert.Contains(new ValueList<string>(new[] { "b" }), set);
    }

    [Fact]
    public void Covariant_array_is_accepted()
    {
        object[] source = new string[] { "a", "b" };

        ValueList<object> list = source;

        Assert.Equal(2, list.Count);
        Assert.Equal("a", list[0]);
    }
}
