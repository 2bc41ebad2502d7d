package org.skysieve.catalog.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The meaning of every bit of a flag column; bits are unique and listed in increasing order. */
public record FlagDictionary(List<FlagBit> bits) {
    public FlagDictionary {
        requireNonNull(bits, "bits is null");
        Set<Integer> seen = new HashSet<>();
        for (FlagBit bit : bits) {
            if (!seen.add(bit.bit())) {
                throw new IllegalArgumentException("Flag bit " + bit.bit() + " is documented twice");
            }
        }
        List<FlagBit> sorted = new ArrayList<>(bits);
        sorted.sort((a, b) -> Integer.compare(a.bit(), b.bit()));
        bits = List.copyOf(sorted);
    }

    /** The documented bits set in {@code value}. Bits set but undocumented are not returned. */
    public List<FlagBit> bitsSetIn(long value) {
        return bits.stream().filter(bit -> (value & bit.mask()) != 0).toList();
    }
}
