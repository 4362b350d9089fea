import Foundation

/// Distinct byte strings numbered 0, 1, 2, … in the order first seen: the search index's words and marked
/// forms, kept in one buffer and found by an open-addressing table of their hashes, so a word seen again
/// costs a hash and a compare of its bytes (no `String`, no allocation, no reference counting).
struct ByteInterner: Sendable {
    /// Every string's bytes, one after another; string i is `bytes[start(i) ..< ends[i]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int32] = []
    private var hashes: [UInt64] = []
    /// Index + 1 of the string in each slot, 0 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        slots = emptySlots(for: capacity)
        mask = slots.count - 1
        bytes.reserveCapacity(capacity * 6)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { ends.count }

    func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }

    /// The bytes of string `index`.
    func key(_ index: Int) -> ArraySlice<UInt8> { bytes[start(index) ..< Int(ends[index])] }

    /// FNV-1a, 64 bits: words are a few bytes long.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    /// The number of `key`, and whether it was new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        intern(key, hash: Self.hash(key))
    }

    mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, isNew: Bool) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = bytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                let index = entry - 1
                if hashes[index] == hash {
                    let from = index == 0 ? 0 : Int(ends[index - 1])
                    let to = Int(ends[index])
                    if to - from == key.count && (key.isEmpty || memcmp(stored.baseAddress! + from, key.baseAddress!, key.count) == 0) {
                        return index
                    }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return (found, false) }
        let index = ends.count
        bytes.append(contentsOf: key)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        slots[slot] = Int32(index + 1)
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}

/// Distinct 64-bit keys numbered in the order first seen (the search index's word pairs).
struct IntegerInterner: Sendable {
    private(set) var keys: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        slots = emptySlots(for: capacity)
        mask = slots.count - 1
        keys.reserveCapacity(capacity)
    }

    var count: Int { keys.count }

    private static func slot(_ key: UInt64) -> Int {
        let mixed = (key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    mutating func intern(_ key: UInt64) -> Int {
        var slot = Self.slot(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if keys[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count {
            let size = slots.count * 2
            slots = [Int32](repeating: 0, count: size)
            mask = size - 1
            for (index, key) in keys.enumerated() {
                var slot = Self.slot(key) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
            }
        }
        return keys.count - 1
    }
}

/// An open-addressing table for `capacity` entries at most half full: a power of two, so a hash is
/// reduced to a slot with a mask.
private func emptySlots(for capacity: Int) -> [Int32] {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    return [Int32](repeating: 0, count: size)
}
