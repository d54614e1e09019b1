// GHashTableOrder against the orders QEMU 7.2 (linked with Debian bookworm's GLib 2.74.6) printed for
// `info chardev` / `query-chardev` on `qemu-system-arm -M none -nodefaults -display none -S` with a monitor
// (compat_monitor0, created first) and `-chardev null,id=L` for each label L in order. QEMU lists a chardev list
// built by prepending while iterating the /chardevs container, so each recording is the iteration order reversed.
namespace Nemu.Chardevs.Tests;

public sealed class GHashTableOrderTests
{
    public static TheoryData<string, string> RecordedSets => new()
    {
        // labels -chardev'd after compat_monitor0 | info chardev order QEMU printed
        { "x", "x compat_monitor0" },
        { "a bb", "a bb compat_monitor0" },
        { "gdb uart0 uart1 console", "uart1 console uart0 gdb compat_monitor0" },

        // The eighth key fills the 8-slot table: it grows to 16 in place.
        { "a bb ccc dddd e f g", "bb f ccc e dddd compat_monitor0 g a" },
        { "c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11", "c11 c10 c4 c5 c7 c6 c0 c1 compat_monitor0 c8 c2 c9 c3" },

        // 16 → 32 slots.
        {
            "s0 s1 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 s12 s13 s14 s15 s16 s17 s18 s19 s20 s21 s22 s23 s24",
            "s18 s5 s15 s2 s20 s12 s22 s7 s17 s4 s14 s1 s21 s11 s24 s9 s19 s6 s16 s3 s13 s0 compat_monitor0 s10 s23 s8"
        },
        {
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega",
            "tau xi psi sigma lambda theta chi omicron upsilon kappa zeta beta iota gamma mu alpha delta pi phi eta compat_monitor0 nu rho epsilon omega"
        },

        // 32 → 64 slots.
        {
            "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "t F Q g r K V a l w E P f q J U k v D O Z e p I T j u C N Y d o z H S i compat_monitor0 B M X c n y G R h s A L W b m x"
        },

        // The default devices of -M mps2-an385 -qmp ...: the monitor's chardev, then serial0, then parallel0.
        { "serial0 parallel0", "parallel0 compat_monitor0 serial0" },
    };

    [Theory]
    [MemberData(nameof(RecordedSets))]
    public void IterationOrderReversedIsQemusChardevListing(string labels, string qemuListing)
    {
        var order = GHashTableOrder.IterationOrder(["compat_monitor0", .. labels.Split(' ')]);

        Assert.Equal(qemuListing.Split(' '), order.Reverse());
    }

    [Fact]
    public void RemovedKeysLeaveTombstonesThatLaterInsertionsReuse()
    {
        // query-chardev after chardev-remove c3, c5 and chardev-add n1, n2.
        var table = Table("c0 c1 c2 c3 c4 c5 c6 c7 c8 c9");
        table.IterRemove("c3");
        table.IterRemove("c5");
        table.Insert("n1");
        table.Insert("n2");

        Assert.Equal("c4 n2 n1 c7 c6 c0 c1 compat_monitor0 c8 c2 c9".Split(' '), table.Keys.Reverse());
    }

    [Fact]
    public void IterRemoveNeverShrinksTheTable()
    {
        // chardev-remove c0..c7 (QOM unparents with g_hash_table_iter_remove: 16 slots stay for 3 keys), then
        // chardev-add z1, z2, z3.
        var table = Table("c0 c1 c2 c3 c4 c5 c6 c7 c8 c9");
        foreach (var label in "c0 c1 c2 c3 c4 c5 c6 c7".Split(' '))
        {
            Assert.True(table.IterRemove(label));
        }

        Assert.Equal(16, table.Size);
        Assert.Equal("compat_monitor0 c8 c9".Split(' '), table.Keys.Reverse());

        foreach (var label in "z1 z2 z3".Split(' '))
        {
            table.Insert(label);
        }

        Assert.Equal("z1 z3 z2 compat_monitor0 c8 c9".Split(' '), table.Keys.Reverse());
    }

    [Fact]
    public void TableGrowsWhenItsLastUnusedSlotIsFilled()
    {
        var table = new GHashTableOrder();
        for (var i = 0; i < 7; i++)
        {
            table.Insert($"k{i}");
        }

        Assert.Equal(8, table.Size);
        table.Insert("k7");
        Assert.Equal(16, table.Size);
        Assert.Equal(8, table.Count);
    }

    [Fact]
    public void RemoveShrinksATableAQuarterFull()
    {
        var table = Table("c0 c1 c2 c3 c4 c5 c6 c7 c8 c9");
        foreach (var label in "c0 c1 c2 c3 c4 c5 c6".Split(' '))
        {
            table.Remove(label);
        }

        Assert.Equal(16, table.Size);
        table.Remove("c7");
        Assert.Equal(8, table.Size);
        Assert.Equal(["c8", "c9", "compat_monitor0"], table.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RemovingAnAbsentKeyChangesNothing()
    {
        var table = Table("a bb");

        Assert.False(table.Remove("zz"));
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void StrHashIsDjb2()
    {
        Assert.Equal(5381u, GHashTableOrder.StrHash(""));
        Assert.Equal((5381u * 33) + 'a', GHashTableOrder.StrHash("a"));
        Assert.Equal((((5381u * 33) + 'a') * 33) + 'b', GHashTableOrder.StrHash("ab"));
    }

    private static GHashTableOrder Table(string labels)
    {
        var table = new GHashTableOrder();
        table.Insert("compat_monitor0");
        foreach (var label in labels.Split(' '))
        {
            table.Insert(label);
        }

        return table;
    }
}
