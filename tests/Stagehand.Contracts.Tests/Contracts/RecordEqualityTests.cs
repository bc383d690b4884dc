using Stagehand.Contracts.V3;
using V3Action = Stagehand.Contracts.V3.Action;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class RecordEqualityTests
{
    private static ActResultData Result(params V3Action[] actions) => new()
    {
        Success = true,
        Message = "clicked",
        ActionDescription = "click the login button",
        Actions = ValueList.From(actions),
    };

    private static V3Action Click(string selector = "xpath=/html/body/button") => new()
    {
        Selector = selector,
        Description = "login button",
        Method = "click",
        Arguments = ["left"],
    };

    [Fact]
    public void Records_with_equal_action_lists_are_equal()
    {
        // Separate list and action instances, equal contents.
        ActResultData a = Result(Click(), Click("xpath=/a"));
        ActResultData b = Result(Click(), Click("xpath=/a"));

        Assert.NotSame(a.Actions, b.Actions);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Records_with_different_action_lists_are_not_equal()
    {
        Assert.NotEqual(Result(Click()), Result(Click("xpath=/other")));
        Assert.NotEqual(Result(Click(), Click("xpath=/a")), Result(Click("xpath=/a"), Click()));
        Assert.NotEqual(Result(Click()), Result(Click(), Click()));
        Assert.NotEqual(Result(Click()), Result());
    }

    [Fact]
    public void Nested_list_member_takes_part_in_equality()
    {
        V3Action left = Click() with { Arguments = ["left"] };
        V3Action right = Click() with { Arguments = ["right"] };
        V3Action none = Click() with { Arguments = null };

        Assert.Equal(Click(), left);
        Assert.NotEqual(left, right);
        Assert.NotEqual(left, none);
    }

    [Fact]
    public void With_changes_equality_and_leaves_the_original_alone()
    {
        ActResultData original = Result(Click());

        ActResultData changed = original with { Success = false };
        ActResultData same = original with { };

        Assert.NotEqual(original, changed);
        Assert.True(original.Success);
        Assert.Equal(original, same);
        Assert.NotSame(original, same);
    }

    [Fact]
    public void Map_members_compare_by_entries_in_any_order()
    {
        var a = new ActOptions { Variables = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, VariableValue>("user", "alice"), new("pin", 1234d)) };
        var b = new ActOptions { Variables = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, VariableValue>("pin", 1234d), new("user", "alice")) };
        var c = new ActOptions { Variables = ValueMap.Create(new System.Collections.Generic.KeyValuePair<string, VariableValue>("user", "bob"), new("pin", 1234d)) };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, a with { Variables = null });
    }

    [Fact]
    public void Union_members_compare_by_case_and_value()
    {
        Assert.Equal(new ActOptions { ServerCache = true }, new ActOptions { ServerCache = true });
        Assert.NotEqual(new ActOptions { ServerCache = true }, new ActOptions { ServerCache = false });
        Assert.Equal(
            new ActOptions { ServerCache = new ServerCacheThreshold { Threshold = 3 } },
            new ActOptions { ServerCache = new ServerCacheThreshold { Threshold = 3 } });
        Assert.NotEqual(new ActOptions { ServerCache = true }, new ActOptions());
    }
}
