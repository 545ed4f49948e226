package org.jingzhun.storage.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.AuditRepository;
import org.jingzhun.spi.storage.DocumentRepository;
import org.jingzhun.spi.storage.HouseholdRepository;
import org.jingzhun.spi.storage.IncomeRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.RegionRepository;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageFactory;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * TEMPORARY stand-in for plugins/storage-memory so that core's tests compile and run on branch {@code policy}
 * before branch {@code storage} is merged. Delete this file once storage-memory lands on main.
 */
public final class MemoryStoragePlugin implements Plugin {
    /** Empty configuration. */
    public record Config() {
    }

    @Override
    public String name() {
        return "storage-memory";
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<StorageFactory<?>> storageFactories() {
        return List.of(new StorageFactory<Config>() {
            @Override
            public String name() {
                return "memory";
            }

            @Override
            public Class<Config> configType() {
                return Config.class;
            }

            @Override
            public Storage create(Config config, PluginContext context) {
                return new Mem();
            }
        });
    }

    private static final class State {
        TreeMap<RegionCode, Region> regions = new TreeMap<>();
        TreeMap<String, Household> households = new TreeMap<>();
        TreeMap<String, IncomeStatement> incomes = new TreeMap<>();
        List<AuditEntry> audit = new ArrayList<>();
        TreeMap<String, StoredDocument> docs = new TreeMap<>();

        State copy() {
            State s = new State();
            s.regions = new TreeMap<>(regions);
            s.households = new TreeMap<>(households);
            s.incomes = new TreeMap<>(incomes);
            s.audit = new ArrayList<>(audit);
            s.docs = new TreeMap<>(docs);
            return s;
        }
    }

    private static <T> Page<T> page(List<T> all, PageRequest req) {
        int from = Math.min(req.offset(), all.size());
        int to = Math.min(all.size(), from + req.limit());
        return new Page<>(all.subList(from, to), all.size(), req);
    }

    private static final class Mem implements Storage {
        private State state = new State();

        @Override
        public synchronized <T> T inTransaction(Function<StorageTransaction, T> work) {
            State working = state.copy();
            T result = work.apply(new Tx(working));
            state = working;
            return result;
        }

        @Override
        public String describe() {
            return "memory (temporary test stand-in)";
        }

        @Override
        public void close() {
        }
    }

    private record Tx(State s) implements StorageTransaction {
        @Override
        public RegionRepository regions() {
            return new RegionRepository() {
                public void save(Region r) {
                    s.regions.put(r.code(), r);
                }

                public Optional<Region> find(RegionCode code) {
                    return Optional.ofNullable(s.regions.get(code));
                }

                public List<Region> findWithin(RegionCode area) {
                    return s.regions.values().stream().filter(r -> area.contains(r.code())).toList();
                }
            };
        }

        @Override
        public HouseholdRepository households() {
            return new HouseholdRepository() {
                public Household insert(Household h) {
                    if (s.households.containsKey(h.id())) {
                        throw new ConflictException("storage.duplicate", "household", h.id());
                    }
                    Household v = h.toBuilder().version(1).build();
                    s.households.put(h.id(), v);
                    return v;
                }

                public Household update(Household h) {
                    Household cur = s.households.get(h.id());
                    if (cur == null) {
                        throw new NotFoundException("storage.not_found", "household", h.id());
                    }
                    if (cur.version() != h.version()) {
                        throw new ConflictException("storage.version_conflict", "household", h.id(), h.version(),
                                cur.version());
                    }
                    Household v = h.toBuilder().version(h.version() + 1).build();
                    s.households.put(h.id(), v);
                    return v;
                }

                public void delete(String id, long expectedVersion) {
                    s.households.remove(id);
                }

                public Optional<Household> find(String id) {
                    return Optional.ofNullable(s.households.get(id));
                }

                public Page<Household> findWithin(RegionCode area, PageRequest page) {
                    return page(filter(h -> area.contains(h.region())), page);
                }

                public long countWithin(RegionCode area) {
                    return filter(h -> area.contains(h.region())).size();
                }

                public List<Household> findActiveByCitizenId(CitizenId id) {
                    return filter(h -> h.status().active()
                            && h.members().stream().anyMatch(m -> m.citizenId().equals(id)));
                }

                private List<Household> filter(Predicate<Household> p) {
                    return s.households.values().stream().filter(p).toList();
                }
            };
        }

        @Override
        public IncomeRepository incomes() {
            return new IncomeRepository() {
                public IncomeStatement save(String county, IncomeStatement st) {
                    String key = st.householdId() + "/" + st.year();
                    IncomeStatement cur = s.incomes.get(key);
                    long curVersion = cur == null ? 0 : cur.version();
                    if (curVersion != st.version()) {
                        throw new ConflictException("storage.version_conflict", "income", key, st.version(),
                                curVersion);
                    }
                    IncomeStatement v = st.withVersion(curVersion + 1);
                    s.incomes.put(key, v);
                    return v;
                }

                public Optional<IncomeStatement> find(String householdId, int year) {
                    return Optional.ofNullable(s.incomes.get(householdId + "/" + year));
                }

                public List<IncomeStatement> findByHousehold(String householdId) {
                    return s.incomes.values().stream().filter(i -> i.householdId().equals(householdId))
                            .sorted(Comparator.comparingInt(IncomeStatement::year)).toList();
                }

                public void deleteByHousehold(String householdId) {
                    s.incomes.values().removeIf(i -> i.householdId().equals(householdId));
                }
            };
        }

        @Override
        public AuditRepository audit() {
            return new AuditRepository() {
                public AuditEntry append(AuditEntry e) {
                    AuditEntry v = e.withSequence(s.audit.size() + 1);
                    s.audit.add(v);
                    return v;
                }

                public List<AuditEntry> findByEntity(String type, String id) {
                    return s.audit.stream().filter(e -> e.entityType().equals(type) && e.entityId().equals(id))
                            .toList();
                }

                public Page<AuditEntry> findByCounty(String county, PageRequest page) {
                    List<AuditEntry> all = new ArrayList<>(s.audit.stream()
                            .filter(e -> e.countyCode().equals(county)).toList());
                    java.util.Collections.reverse(all);
                    return page(all, page);
                }
            };
        }

        @Override
        public DocumentRepository documents() {
            return new DocumentRepository() {
                public StoredDocument save(StoredDocument d) {
                    String key = d.kind() + "|" + d.countyCode() + "|" + d.id();
                    StoredDocument cur = s.docs.get(key);
                    long curVersion = cur == null ? 0 : cur.version();
                    if (curVersion != d.version()) {
                        throw new ConflictException("storage.version_conflict", d.kind(), d.id(), d.version(),
                                curVersion);
                    }
                    StoredDocument v = d.withVersion(curVersion + 1);
                    s.docs.put(key, v);
                    return v;
                }

                public Optional<StoredDocument> find(String kind, String county, String id) {
                    return Optional.ofNullable(s.docs.get(kind + "|" + county + "|" + id));
                }

                public Page<StoredDocument> findWithin(String kind, RegionCode area, Integer year, PageRequest p) {
                    List<StoredDocument> all = s.docs.values().stream()
                            .filter(d -> d.kind().equals(kind) && area.contains(d.region())
                                    && (year == null || year.equals(d.year())))
                            .sorted(Comparator.comparing(StoredDocument::id)).toList();
                    return page(all, p);
                }

                public void delete(String kind, String county, String id, long expectedVersion) {
                    s.docs.remove(kind + "|" + county + "|" + id);
                }
            };
        }
    }

}
