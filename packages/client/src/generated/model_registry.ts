// Generated from idls/model_registry.json by packages/client/scripts/gen-idl.ts. Do not edit:
// run `npm run gen` after the IDLs change (`npm test` fails while this file is stale).

/**
 * The model_registry IDL in camelCase, as anchor-cli writes target/types/model_registry.ts: the type
 * parameter of `Program`.
 */
export type ModelRegistry = {
  "address": "7kqQgivYUbs3BDWB3vVTKcgyXgQ22ETkEqExWT3GzYg8",
  "metadata": {
    "name": "modelRegistry",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Models, their frozen attribution lineage, and operators: who refined and who executes"
  },
  "instructions": [
    {
      "name": "modelCreate",
      "docs": [
        "Creates a draft model (base, fine-tune, or adapter on a named base model)."
      ],
      "discriminator": [
        59,
        136,
        62,
        215,
        102,
        117,
        245,
        43
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  111,
                  100,
                  101,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.id"
              }
            ]
          }
        },
        {
          "name": "baseModel",
          "docs": [
            "The model an adapter is trained on: required for an adapter, absent otherwise."
          ],
          "optional": true
        },
        {
          "name": "owner",
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "modelCreateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "modelLineageSet",
      "docs": [
        "Sets a draft model's lineage and shares; the referenced datanets, versions and upstream",
        "models are passed as remaining accounts, one per entry in order (plus a cited version)."
      ],
      "discriminator": [
        69,
        198,
        104,
        21,
        186,
        81,
        142,
        89
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true
        },
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "model"
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "modelLineageSetArgs"
            }
          }
        }
      ]
    },
    {
      "name": "modelOwnerAccept",
      "docs": [
        "The proposed wallet becomes the model's owner (and is paid its owner share from now on)."
      ],
      "discriminator": [
        27,
        194,
        59,
        85,
        187,
        55,
        50,
        181
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true
        },
        {
          "name": "newOwner",
          "signer": true
        }
      ],
      "args": []
    },
    {
      "name": "modelOwnerPropose",
      "docs": [
        "The model's owner names its successor (or cancels with `None`)."
      ],
      "discriminator": [
        64,
        21,
        254,
        198,
        46,
        134,
        28,
        186
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true
        },
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "model"
          ]
        }
      ],
      "args": [
        {
          "name": "newOwner",
          "type": {
            "option": "pubkey"
          }
        }
      ]
    },
    {
      "name": "modelPriceSet",
      "docs": [
        "Sets the price per call (owner, any time before retirement)."
      ],
      "discriminator": [
        173,
        147,
        156,
        163,
        167,
        190,
        97,
        83
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true
        },
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "model"
          ]
        }
      ],
      "args": [
        {
          "name": "pricePerCall",
          "type": "u64"
        }
      ]
    },
    {
      "name": "modelPublish",
      "docs": [
        "Freezes the lineage and makes the model payable."
      ],
      "discriminator": [
        251,
        201,
        65,
        75,
        57,
        176,
        26,
        165
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true
        },
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "model"
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "modelPublishArgs"
            }
          }
        }
      ]
    },
    {
      "name": "modelRetire",
      "docs": [
        "Stops new payments; claims keep working."
      ],
      "discriminator": [
        182,
        46,
        137,
        14,
        39,
        36,
        175,
        91
      ],
      "accounts": [
        {
          "name": "model",
          "writable": true
        },
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "model"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "operatorAuthorityAccept",
      "docs": [
        "The proposed wallet becomes the operator's authority. Its stake in `attribution_payout`",
        "follows with `stake_authority_propose`/`_accept` (in the same transaction, ideally): an",
        "operator is payable only while its stake has the same authority."
      ],
      "discriminator": [
        168,
        13,
        48,
        106,
        172,
        45,
        42,
        147
      ],
      "accounts": [
        {
          "name": "operator",
          "writable": true
        },
        {
          "name": "newAuthority",
          "signer": true
        }
      ],
      "args": []
    },
    {
      "name": "operatorAuthorityPropose",
      "docs": [
        "The operator's authority names its successor (or cancels with `None`)."
      ],
      "discriminator": [
        133,
        18,
        91,
        10,
        109,
        98,
        13,
        225
      ],
      "accounts": [
        {
          "name": "operator",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "operator"
          ]
        }
      ],
      "args": [
        {
          "name": "newAuthority",
          "type": {
            "option": "pubkey"
          }
        }
      ]
    },
    {
      "name": "operatorDeactivate",
      "docs": [
        "Marks the operator inactive: not payable until it updates again."
      ],
      "discriminator": [
        138,
        49,
        208,
        134,
        112,
        158,
        43,
        166
      ],
      "accounts": [
        {
          "name": "operator",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "operator"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "operatorRegister",
      "docs": [
        "Registers the signer as an inference operator serving at `endpoint`."
      ],
      "discriminator": [
        167,
        131,
        26,
        224,
        174,
        94,
        82,
        22
      ],
      "accounts": [
        {
          "name": "operator",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  111,
                  112,
                  101,
                  114,
                  97,
                  116,
                  111,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              }
            ]
          }
        },
        {
          "name": "authority",
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "endpoint",
          "type": "string"
        }
      ]
    },
    {
      "name": "operatorUpdate",
      "docs": [
        "Replaces the operator's endpoint and marks it active."
      ],
      "discriminator": [
        131,
        119,
        32,
        229,
        221,
        27,
        147,
        242
      ],
      "accounts": [
        {
          "name": "operator",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "operator"
          ]
        }
      ],
      "args": [
        {
          "name": "endpoint",
          "type": "string"
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "model",
      "discriminator": [
        152,
        221,
        247,
        122,
        185,
        125,
        223,
        151
      ]
    },
    {
      "name": "operator",
      "discriminator": [
        219,
        31,
        188,
        145,
        69,
        139,
        204,
        117
      ]
    }
  ],
  "events": [
    {
      "name": "handoverAccepted",
      "discriminator": [
        217,
        160,
        163,
        223,
        166,
        103,
        178,
        94
      ]
    },
    {
      "name": "handoverProposed",
      "discriminator": [
        156,
        68,
        158,
        173,
        182,
        176,
        10,
        245
      ]
    },
    {
      "name": "modelCreated",
      "discriminator": [
        233,
        244,
        157,
        153,
        211,
        252,
        76,
        24
      ]
    },
    {
      "name": "modelLineageSet",
      "discriminator": [
        123,
        218,
        183,
        128,
        141,
        224,
        91,
        155
      ]
    },
    {
      "name": "modelPriceSet",
      "discriminator": [
        240,
        110,
        137,
        174,
        88,
        253,
        236,
        119
      ]
    },
    {
      "name": "modelPublished",
      "discriminator": [
        55,
        100,
        14,
        140,
        117,
        242,
        43,
        186
      ]
    },
    {
      "name": "modelRetired",
      "discriminator": [
        30,
        17,
        7,
        192,
        67,
        36,
        67,
        11
      ]
    },
    {
      "name": "operatorRegistered",
      "discriminator": [
        173,
        220,
        230,
        105,
        117,
        97,
        22,
        133
      ]
    },
    {
      "name": "operatorUpdated",
      "discriminator": [
        28,
        104,
        226,
        145,
        253,
        229,
        17,
        245
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "invalidName",
      "msg": "Name is empty or longer than 64 bytes"
    },
    {
      "code": 6001,
      "name": "invalidUri",
      "msg": "URI is empty or longer than 200 bytes"
    },
    {
      "code": 6002,
      "name": "zeroPrice",
      "msg": "Price per call must be above zero"
    },
    {
      "code": 6003,
      "name": "invalidBaseModel",
      "msg": "An adapter must name its base model, and only an adapter may"
    },
    {
      "code": 6004,
      "name": "notOwner",
      "msg": "Only the model's owner may do this"
    },
    {
      "code": 6005,
      "name": "notDraft",
      "msg": "The model is not a draft: its lineage is frozen"
    },
    {
      "code": 6006,
      "name": "notPublished",
      "msg": "The model is not published"
    },
    {
      "code": 6007,
      "name": "retired",
      "msg": "The model is retired"
    },
    {
      "code": 6008,
      "name": "tooManyEntries",
      "msg": "A lineage has at most 8 entries"
    },
    {
      "code": 6009,
      "name": "sharesNotWhole",
      "msg": "Lineage entries and the owner and operator shares must sum to exactly 10,000 bps"
    },
    {
      "code": 6010,
      "name": "zeroShare",
      "msg": "Every lineage entry needs a share above zero"
    },
    {
      "code": 6011,
      "name": "duplicateEntry",
      "msg": "The same datanet or model appears twice in the lineage"
    },
    {
      "code": 6012,
      "name": "selfReference",
      "msg": "A model cannot be its own upstream"
    },
    {
      "code": 6013,
      "name": "upstreamNotPublished",
      "msg": "An upstream model must be published"
    },
    {
      "code": 6014,
      "name": "lineageAccountMismatch",
      "msg": "The accounts passed do not match the lineage entries (one per entry, in order, plus a version account where one is cited)"
    },
    {
      "code": 6015,
      "name": "versionMismatch",
      "msg": "The cited version does not belong to that datanet"
    },
    {
      "code": 6016,
      "name": "versionRequired",
      "msg": "Every datanet entry must cite a published version of its datanet, and no model entry may"
    },
    {
      "code": 6017,
      "name": "adapterWithoutBase",
      "msg": "An adapter's lineage must include its base model"
    },
    {
      "code": 6018,
      "name": "proofAttributedModel",
      "msg": "Only a datanet entry can be proof-attributed"
    },
    {
      "code": 6019,
      "name": "tooManyProofAttributed",
      "msg": "At most one lineage entry can be proof-attributed"
    },
    {
      "code": 6020,
      "name": "attestorMismatch",
      "msg": "A model with proof-attributed entries must name an attestor, and only such a model may"
    },
    {
      "code": 6021,
      "name": "notOperatorAuthority",
      "msg": "Only the operator's authority may do this"
    },
    {
      "code": 6022,
      "name": "noPendingHandover",
      "msg": "No handover of this account is pending for this signer"
    },
    {
      "code": 6023,
      "name": "overflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6024,
      "name": "agentCallsModelsOnly",
      "msg": "An agent's lineage lists the models it calls: at least one, and model entries only"
    }
  ],
  "types": [
    {
      "name": "handoverAccepted",
      "docs": [
        "The successor accepted: it is the model's owner or the operator's authority from now on."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "account",
            "type": "pubkey"
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "current",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "handoverProposed",
      "docs": [
        "A model's owner or an operator's authority named its successor (`None`: cancelled)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "account",
            "docs": [
              "The model or operator."
            ],
            "type": "pubkey"
          },
          {
            "name": "current",
            "type": "pubkey"
          },
          {
            "name": "proposed",
            "type": {
              "option": "pubkey"
            }
          }
        ]
      }
    },
    {
      "name": "lineageEntry",
      "docs": [
        "One weighted upstream item of a model."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "source",
            "type": {
              "defined": {
                "name": "lineageSource"
              }
            }
          },
          {
            "name": "target",
            "docs": [
              "The datanet or upstream model account."
            ],
            "type": "pubkey"
          },
          {
            "name": "datanetVersion",
            "docs": [
              "For a datanet entry (required), the `DatanetVersion` the model was trained on: its",
              "contributions, and only they, share the entry's part of every fee. `None` for a model entry."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "shareBps",
            "docs": [
              "Share of every fee (after the protocol fee), in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "proofAttributed",
            "docs": [
              "Datanet entries only, at most one per model: the share is allocated per output by Proof of",
              "Attribution epochs instead of by the static weights of the datanet's pool (which receives",
              "whatever an epoch does not attribute)."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "lineageSource",
      "docs": [
        "What a lineage entry points at."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "datanet"
          },
          {
            "name": "model"
          }
        ]
      }
    },
    {
      "name": "model",
      "docs": [
        "A model and its frozen attribution commitments. PDA `[SEED_MODEL, owner, id (u64 LE)]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "owner",
            "docs": [
              "The builder: receives the owner share, sets the price, publishes and retires. It can hand",
              "the model over (`model_owner_propose`/`_accept`); the PDA keeps the creator's key."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "modelKind"
              }
            }
          },
          {
            "name": "baseModel",
            "docs": [
              "The base model of an adapter; `None` for other kinds."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "state",
            "type": {
              "defined": {
                "name": "modelState"
              }
            }
          },
          {
            "name": "pricePerCall",
            "docs": [
              "Price per inference call, in OPEN base units."
            ],
            "type": "u64"
          },
          {
            "name": "artifactHash",
            "docs": [
              "Hash of the published weights or adapter file."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "ownerShareBps",
            "type": "u16"
          },
          {
            "name": "operatorShareBps",
            "type": "u16"
          },
          {
            "name": "attestor",
            "docs": [
              "Who may post Proof of Attribution roots for this model; set at publish."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "createdAt",
            "type": "i64"
          },
          {
            "name": "publishedAt",
            "type": "i64"
          },
          {
            "name": "retiredAt",
            "type": "i64"
          },
          {
            "name": "pendingOwner",
            "docs": [
              "Set by `model_owner_propose`, cleared when accepted: the wallet the model (and its owner",
              "share of every later fee) is handed to."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                31
              ]
            }
          },
          {
            "name": "lineage",
            "type": {
              "vec": {
                "defined": {
                  "name": "lineageEntry"
                }
              }
            }
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "uri",
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "modelCreateArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "id",
            "docs": [
              "Any number the owner has not used yet; with the owner, it names the model's PDA."
            ],
            "type": "u64"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "modelKind"
              }
            }
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "artifactHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "pricePerCall",
            "docs": [
              "Price per inference call in OPEN base units; above zero."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "modelCreated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "modelKind"
              }
            }
          },
          {
            "name": "baseModel",
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "pricePerCall",
            "type": "u64"
          },
          {
            "name": "artifactHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "modelKind",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "base"
          },
          {
            "name": "fineTune"
          },
          {
            "name": "adapter"
          },
          {
            "name": "agent"
          }
        ]
      }
    },
    {
      "name": "modelLineageSet",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "lineage",
            "type": {
              "vec": {
                "defined": {
                  "name": "lineageEntry"
                }
              }
            }
          },
          {
            "name": "ownerShareBps",
            "type": "u16"
          },
          {
            "name": "operatorShareBps",
            "type": "u16"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "modelLineageSetArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "entries",
            "docs": [
              "At most 8 datanets and upstream models, each with its share."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "lineageEntry"
                }
              }
            }
          },
          {
            "name": "ownerShareBps",
            "type": "u16"
          },
          {
            "name": "operatorShareBps",
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "modelPriceSet",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "previousPrice",
            "type": "u64"
          },
          {
            "name": "pricePerCall",
            "type": "u64"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "modelPublishArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "attestor",
            "docs": [
              "Who may post Proof of Attribution roots for the model: required exactly when a lineage",
              "entry is proof-attributed. The attestor must hold an operator stake to post."
            ],
            "type": {
              "option": "pubkey"
            }
          }
        ]
      }
    },
    {
      "name": "modelPublished",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "modelKind"
              }
            }
          },
          {
            "name": "pricePerCall",
            "type": "u64"
          },
          {
            "name": "lineage",
            "docs": [
              "The frozen commitments every fee of this model is split by."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "lineageEntry"
                }
              }
            }
          },
          {
            "name": "ownerShareBps",
            "type": "u16"
          },
          {
            "name": "operatorShareBps",
            "type": "u16"
          },
          {
            "name": "attestor",
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "modelRetired",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "modelState",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "draft"
          },
          {
            "name": "published"
          },
          {
            "name": "retired"
          }
        ]
      }
    },
    {
      "name": "operator",
      "docs": [
        "An inference operator. PDA `[SEED_OPERATOR, first authority]`. It is payable while `Active` here and",
        "staked at least the minimum in `attribution_payout`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "authority",
            "docs": [
              "The operator's wallet: signs its updates, receives its earnings. It can hand the operator",
              "over (`operator_authority_propose`/`_accept`); the PDA keeps the first authority's key."
            ],
            "type": "pubkey"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "operatorStatus"
              }
            }
          },
          {
            "name": "registeredAt",
            "type": "i64"
          },
          {
            "name": "updatedAt",
            "type": "i64"
          },
          {
            "name": "pendingAuthority",
            "docs": [
              "Set by `operator_authority_propose`, cleared when accepted."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "endpoint",
            "docs": [
              "Where it serves inference."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "operatorRegistered",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "operator",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "endpoint",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "operatorStatus",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "active"
          },
          {
            "name": "inactive"
          }
        ]
      }
    },
    {
      "name": "operatorUpdated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "operator",
            "type": "pubkey"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "operatorStatus"
              }
            }
          },
          {
            "name": "endpoint",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    }
  ]
};

/** idls/model_registry.json as committed (snake_case): `Program` converts it itself. */
export const modelRegistryIdlJson = {"address":"7kqQgivYUbs3BDWB3vVTKcgyXgQ22ETkEqExWT3GzYg8","metadata":{"name":"model_registry","version":"0.1.0","spec":"0.1.0","description":"Models, their frozen attribution lineage, and operators: who refined and who executes"},"instructions":[{"name":"model_create","docs":["Creates a draft model (base, fine-tune, or adapter on a named base model)."],"discriminator":[59,136,62,215,102,117,245,43],"accounts":[{"name":"model","writable":true,"pda":{"seeds":[{"kind":"const","value":[109,111,100,101,108]},{"kind":"account","path":"owner"},{"kind":"arg","path":"args.id"}]}},{"name":"base_model","docs":["The model an adapter is trained on: required for an adapter, absent otherwise."],"optional":true},{"name":"owner","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"ModelCreateArgs"}}}]},{"name":"model_lineage_set","docs":["Sets a draft model's lineage and shares; the referenced datanets, versions and upstream","models are passed as remaining accounts, one per entry in order (plus a cited version)."],"discriminator":[69,198,104,21,186,81,142,89],"accounts":[{"name":"model","writable":true},{"name":"owner","signer":true,"relations":["model"]}],"args":[{"name":"args","type":{"defined":{"name":"ModelLineageSetArgs"}}}]},{"name":"model_owner_accept","docs":["The proposed wallet becomes the model's owner (and is paid its owner share from now on)."],"discriminator":[27,194,59,85,187,55,50,181],"accounts":[{"name":"model","writable":true},{"name":"new_owner","signer":true}],"args":[]},{"name":"model_owner_propose","docs":["The model's owner names its successor (or cancels with `None`)."],"discriminator":[64,21,254,198,46,134,28,186],"accounts":[{"name":"model","writable":true},{"name":"owner","signer":true,"relations":["model"]}],"args":[{"name":"new_owner","type":{"option":"pubkey"}}]},{"name":"model_price_set","docs":["Sets the price per call (owner, any time before retirement)."],"discriminator":[173,147,156,163,167,190,97,83],"accounts":[{"name":"model","writable":true},{"name":"owner","signer":true,"relations":["model"]}],"args":[{"name":"price_per_call","type":"u64"}]},{"name":"model_publish","docs":["Freezes the lineage and makes the model payable."],"discriminator":[251,201,65,75,57,176,26,165],"accounts":[{"name":"model","writable":true},{"name":"owner","signer":true,"relations":["model"]}],"args":[{"name":"args","type":{"defined":{"name":"ModelPublishArgs"}}}]},{"name":"model_retire","docs":["Stops new payments; claims keep working."],"discriminator":[182,46,137,14,39,36,175,91],"accounts":[{"name":"model","writable":true},{"name":"owner","signer":true,"relations":["model"]}],"args":[]},{"name":"operator_authority_accept","docs":["The proposed wallet becomes the operator's authority. Its stake in `attribution_payout`","follows with `stake_authority_propose`/`_accept` (in the same transaction, ideally): an","operator is payable only while its stake has the same authority."],"discriminator":[168,13,48,106,172,45,42,147],"accounts":[{"name":"operator","writable":true},{"name":"new_authority","signer":true}],"args":[]},{"name":"operator_authority_propose","docs":["The operator's authority names its successor (or cancels with `None`)."],"discriminator":[133,18,91,10,109,98,13,225],"accounts":[{"name":"operator","writable":true},{"name":"authority","signer":true,"relations":["operator"]}],"args":[{"name":"new_authority","type":{"option":"pubkey"}}]},{"name":"operator_deactivate","docs":["Marks the operator inactive: not payable until it updates again."],"discriminator":[138,49,208,134,112,158,43,166],"accounts":[{"name":"operator","writable":true},{"name":"authority","signer":true,"relations":["operator"]}],"args":[]},{"name":"operator_register","docs":["Registers the signer as an inference operator serving at `endpoint`."],"discriminator":[167,131,26,224,174,94,82,22],"accounts":[{"name":"operator","writable":true,"pda":{"seeds":[{"kind":"const","value":[111,112,101,114,97,116,111,114]},{"kind":"account","path":"authority"}]}},{"name":"authority","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"endpoint","type":"string"}]},{"name":"operator_update","docs":["Replaces the operator's endpoint and marks it active."],"discriminator":[131,119,32,229,221,27,147,242],"accounts":[{"name":"operator","writable":true},{"name":"authority","signer":true,"relations":["operator"]}],"args":[{"name":"endpoint","type":"string"}]}],"accounts":[{"name":"Model","discriminator":[152,221,247,122,185,125,223,151]},{"name":"Operator","discriminator":[219,31,188,145,69,139,204,117]}],"events":[{"name":"HandoverAccepted","discriminator":[217,160,163,223,166,103,178,94]},{"name":"HandoverProposed","discriminator":[156,68,158,173,182,176,10,245]},{"name":"ModelCreated","discriminator":[233,244,157,153,211,252,76,24]},{"name":"ModelLineageSet","discriminator":[123,218,183,128,141,224,91,155]},{"name":"ModelPriceSet","discriminator":[240,110,137,174,88,253,236,119]},{"name":"ModelPublished","discriminator":[55,100,14,140,117,242,43,186]},{"name":"ModelRetired","discriminator":[30,17,7,192,67,36,67,11]},{"name":"OperatorRegistered","discriminator":[173,220,230,105,117,97,22,133]},{"name":"OperatorUpdated","discriminator":[28,104,226,145,253,229,17,245]}],"errors":[{"code":6000,"name":"InvalidName","msg":"Name is empty or longer than 64 bytes"},{"code":6001,"name":"InvalidUri","msg":"URI is empty or longer than 200 bytes"},{"code":6002,"name":"ZeroPrice","msg":"Price per call must be above zero"},{"code":6003,"name":"InvalidBaseModel","msg":"An adapter must name its base model, and only an adapter may"},{"code":6004,"name":"NotOwner","msg":"Only the model's owner may do this"},{"code":6005,"name":"NotDraft","msg":"The model is not a draft: its lineage is frozen"},{"code":6006,"name":"NotPublished","msg":"The model is not published"},{"code":6007,"name":"Retired","msg":"The model is retired"},{"code":6008,"name":"TooManyEntries","msg":"A lineage has at most 8 entries"},{"code":6009,"name":"SharesNotWhole","msg":"Lineage entries and the owner and operator shares must sum to exactly 10,000 bps"},{"code":6010,"name":"ZeroShare","msg":"Every lineage entry needs a share above zero"},{"code":6011,"name":"DuplicateEntry","msg":"The same datanet or model appears twice in the lineage"},{"code":6012,"name":"SelfReference","msg":"A model cannot be its own upstream"},{"code":6013,"name":"UpstreamNotPublished","msg":"An upstream model must be published"},{"code":6014,"name":"LineageAccountMismatch","msg":"The accounts passed do not match the lineage entries (one per entry, in order, plus a version account where one is cited)"},{"code":6015,"name":"VersionMismatch","msg":"The cited version does not belong to that datanet"},{"code":6016,"name":"VersionRequired","msg":"Every datanet entry must cite a published version of its datanet, and no model entry may"},{"code":6017,"name":"AdapterWithoutBase","msg":"An adapter's lineage must include its base model"},{"code":6018,"name":"ProofAttributedModel","msg":"Only a datanet entry can be proof-attributed"},{"code":6019,"name":"TooManyProofAttributed","msg":"At most one lineage entry can be proof-attributed"},{"code":6020,"name":"AttestorMismatch","msg":"A model with proof-attributed entries must name an attestor, and only such a model may"},{"code":6021,"name":"NotOperatorAuthority","msg":"Only the operator's authority may do this"},{"code":6022,"name":"NoPendingHandover","msg":"No handover of this account is pending for this signer"},{"code":6023,"name":"Overflow","msg":"Arithmetic overflow"},{"code":6024,"name":"AgentCallsModelsOnly","msg":"An agent's lineage lists the models it calls: at least one, and model entries only"}],"types":[{"name":"HandoverAccepted","docs":["The successor accepted: it is the model's owner or the operator's authority from now on."],"type":{"kind":"struct","fields":[{"name":"account","type":"pubkey"},{"name":"previous","type":"pubkey"},{"name":"current","type":"pubkey"}]}},{"name":"HandoverProposed","docs":["A model's owner or an operator's authority named its successor (`None`: cancelled)."],"type":{"kind":"struct","fields":[{"name":"account","docs":["The model or operator."],"type":"pubkey"},{"name":"current","type":"pubkey"},{"name":"proposed","type":{"option":"pubkey"}}]}},{"name":"LineageEntry","docs":["One weighted upstream item of a model."],"type":{"kind":"struct","fields":[{"name":"source","type":{"defined":{"name":"LineageSource"}}},{"name":"target","docs":["The datanet or upstream model account."],"type":"pubkey"},{"name":"datanet_version","docs":["For a datanet entry (required), the `DatanetVersion` the model was trained on: its","contributions, and only they, share the entry's part of every fee. `None` for a model entry."],"type":{"option":"pubkey"}},{"name":"share_bps","docs":["Share of every fee (after the protocol fee), in basis points."],"type":"u16"},{"name":"proof_attributed","docs":["Datanet entries only, at most one per model: the share is allocated per output by Proof of","Attribution epochs instead of by the static weights of the datanet's pool (which receives","whatever an epoch does not attribute)."],"type":"bool"}]}},{"name":"LineageSource","docs":["What a lineage entry points at."],"type":{"kind":"enum","variants":[{"name":"Datanet"},{"name":"Model"}]}},{"name":"Model","docs":["A model and its frozen attribution commitments. PDA `[SEED_MODEL, owner, id (u64 LE)]`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"owner","docs":["The builder: receives the owner share, sets the price, publishes and retires. It can hand","the model over (`model_owner_propose`/`_accept`); the PDA keeps the creator's key."],"type":"pubkey"},{"name":"id","type":"u64"},{"name":"kind","type":{"defined":{"name":"ModelKind"}}},{"name":"base_model","docs":["The base model of an adapter; `None` for other kinds."],"type":{"option":"pubkey"}},{"name":"state","type":{"defined":{"name":"ModelState"}}},{"name":"price_per_call","docs":["Price per inference call, in OPEN base units."],"type":"u64"},{"name":"artifact_hash","docs":["Hash of the published weights or adapter file."],"type":{"array":["u8",32]}},{"name":"owner_share_bps","type":"u16"},{"name":"operator_share_bps","type":"u16"},{"name":"attestor","docs":["Who may post Proof of Attribution roots for this model; set at publish."],"type":{"option":"pubkey"}},{"name":"created_at","type":"i64"},{"name":"published_at","type":"i64"},{"name":"retired_at","type":"i64"},{"name":"pending_owner","docs":["Set by `model_owner_propose`, cleared when accepted: the wallet the model (and its owner","share of every later fee) is handed to."],"type":{"option":"pubkey"}},{"name":"reserved","type":{"array":["u8",31]}},{"name":"lineage","type":{"vec":{"defined":{"name":"LineageEntry"}}}},{"name":"name","type":"string"},{"name":"uri","type":"string"}]}},{"name":"ModelCreateArgs","type":{"kind":"struct","fields":[{"name":"id","docs":["Any number the owner has not used yet; with the owner, it names the model's PDA."],"type":"u64"},{"name":"kind","type":{"defined":{"name":"ModelKind"}}},{"name":"name","type":"string"},{"name":"uri","type":"string"},{"name":"artifact_hash","type":{"array":["u8",32]}},{"name":"price_per_call","docs":["Price per inference call in OPEN base units; above zero."],"type":"u64"}]}},{"name":"ModelCreated","type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"owner","type":"pubkey"},{"name":"id","type":"u64"},{"name":"kind","type":{"defined":{"name":"ModelKind"}}},{"name":"base_model","type":{"option":"pubkey"}},{"name":"price_per_call","type":"u64"},{"name":"artifact_hash","type":{"array":["u8",32]}},{"name":"name","type":"string"},{"name":"uri","type":"string"},{"name":"timestamp","type":"i64"}]}},{"name":"ModelKind","type":{"kind":"enum","variants":[{"name":"Base"},{"name":"FineTune"},{"name":"Adapter"},{"name":"Agent"}]}},{"name":"ModelLineageSet","type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"lineage","type":{"vec":{"defined":{"name":"LineageEntry"}}}},{"name":"owner_share_bps","type":"u16"},{"name":"operator_share_bps","type":"u16"},{"name":"timestamp","type":"i64"}]}},{"name":"ModelLineageSetArgs","type":{"kind":"struct","fields":[{"name":"entries","docs":["At most 8 datanets and upstream models, each with its share."],"type":{"vec":{"defined":{"name":"LineageEntry"}}}},{"name":"owner_share_bps","type":"u16"},{"name":"operator_share_bps","type":"u16"}]}},{"name":"ModelPriceSet","type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"previous_price","type":"u64"},{"name":"price_per_call","type":"u64"},{"name":"timestamp","type":"i64"}]}},{"name":"ModelPublishArgs","type":{"kind":"struct","fields":[{"name":"attestor","docs":["Who may post Proof of Attribution roots for the model: required exactly when a lineage","entry is proof-attributed. The attestor must hold an operator stake to post."],"type":{"option":"pubkey"}}]}},{"name":"ModelPublished","type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"owner","type":"pubkey"},{"name":"kind","type":{"defined":{"name":"ModelKind"}}},{"name":"price_per_call","type":"u64"},{"name":"lineage","docs":["The frozen commitments every fee of this model is split by."],"type":{"vec":{"defined":{"name":"LineageEntry"}}}},{"name":"owner_share_bps","type":"u16"},{"name":"operator_share_bps","type":"u16"},{"name":"attestor","type":{"option":"pubkey"}},{"name":"timestamp","type":"i64"}]}},{"name":"ModelRetired","type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"timestamp","type":"i64"}]}},{"name":"ModelState","type":{"kind":"enum","variants":[{"name":"Draft"},{"name":"Published"},{"name":"Retired"}]}},{"name":"Operator","docs":["An inference operator. PDA `[SEED_OPERATOR, first authority]`. It is payable while `Active` here and","staked at least the minimum in `attribution_payout`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"authority","docs":["The operator's wallet: signs its updates, receives its earnings. It can hand the operator","over (`operator_authority_propose`/`_accept`); the PDA keeps the first authority's key."],"type":"pubkey"},{"name":"status","type":{"defined":{"name":"OperatorStatus"}}},{"name":"registered_at","type":"i64"},{"name":"updated_at","type":"i64"},{"name":"pending_authority","docs":["Set by `operator_authority_propose`, cleared when accepted."],"type":{"option":"pubkey"}},{"name":"reserved","type":{"array":["u8",32]}},{"name":"endpoint","docs":["Where it serves inference."],"type":"string"}]}},{"name":"OperatorRegistered","type":{"kind":"struct","fields":[{"name":"operator","type":"pubkey"},{"name":"authority","type":"pubkey"},{"name":"endpoint","type":"string"},{"name":"timestamp","type":"i64"}]}},{"name":"OperatorStatus","type":{"kind":"enum","variants":[{"name":"Active"},{"name":"Inactive"}]}},{"name":"OperatorUpdated","type":{"kind":"struct","fields":[{"name":"operator","type":"pubkey"},{"name":"status","type":{"defined":{"name":"OperatorStatus"}}},{"name":"endpoint","type":"string"},{"name":"timestamp","type":"i64"}]}}]} as const;

/** The IDL, typed for `new Program<ModelRegistry>(...)`. */
export const modelRegistryIdl = modelRegistryIdlJson as unknown as ModelRegistry;
