// Generated from idls/attribution_payout.json by packages/client/scripts/gen-idl.ts. Do not edit:
// run `npm run gen` after the IDLs change (`npm test` fails while this file is stale).

/**
 * The attribution_payout IDL in camelCase, as anchor-cli writes target/types/attribution_payout.ts: the type
 * parameter of `Program`.
 */
export type AttributionPayout = {
  "address": "AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU",
  "metadata": {
    "name": "attributionPayout",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "OPEN config, vaults, reward pools, earnings and stakes: who earned, and who may withdraw it"
  },
  "instructions": [
    {
      "name": "actionCancel",
      "docs": [
        "The admin or the guardian cancels a queued action."
      ],
      "discriminator": [
        165,
        127,
        24,
        237,
        108,
        63,
        49,
        38
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "signer",
          "signer": true
        },
        {
          "name": "action",
          "writable": true
        },
        {
          "name": "proposer",
          "writable": true,
          "relations": [
            "action"
          ]
        },
        {
          "name": "stake",
          "docs": [
            "The stake a cancelled slash named, unlocked; absent for other actions."
          ],
          "writable": true,
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "actionExecute",
      "docs": [
        "Anyone executes a queued parameter or role change once its delay has passed."
      ],
      "discriminator": [
        55,
        79,
        5,
        163,
        75,
        133,
        76,
        139
      ],
      "accounts": [
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "action",
          "writable": true
        },
        {
          "name": "proposer",
          "writable": true,
          "relations": [
            "action"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "actionQueue",
      "docs": [
        "The admin queues a parameter change, a role change or a slash; it waits the timelock."
      ],
      "discriminator": [
        190,
        86,
        227,
        54,
        174,
        78,
        36,
        122
      ],
      "accounts": [
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "authority",
          "writable": true,
          "signer": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "action",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  99,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "config.actionCount",
                "account": "config"
              }
            ]
          }
        },
        {
          "name": "stake",
          "docs": [
            "The stake a slash names; absent for other actions."
          ],
          "writable": true,
          "optional": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "action",
          "type": {
            "defined": {
              "name": "governanceAction"
            }
          }
        }
      ]
    },
    {
      "name": "attestationClose",
      "docs": [
        "Pays the attestor what is left of its bond and closes its attestation (rent back to it),",
        "once claims are open with no challenge pending, or once the epoch was released",
        "(permissionless)."
      ],
      "discriminator": [
        52,
        111,
        20,
        241,
        79,
        254,
        116,
        131
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "epoch"
        },
        {
          "name": "attestation",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "epoch"
              }
            ]
          }
        },
        {
          "name": "attestor",
          "writable": true,
          "relations": [
            "attestation"
          ]
        },
        {
          "name": "attestorToken",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "attributionClaim",
      "docs": [
        "Pays a contribution its leaf of an epoch's root, with a Merkle proof, into its contributor's",
        "account (permissionless crank)."
      ],
      "discriminator": [
        26,
        200,
        19,
        219,
        10,
        82,
        220,
        176
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "contribution"
        },
        {
          "name": "destination",
          "writable": true
        },
        {
          "name": "receipt",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  99,
                  101,
                  105,
                  112,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "epoch"
              },
              {
                "kind": "account",
                "path": "contribution"
              }
            ]
          }
        },
        {
          "name": "cranker",
          "writable": true,
          "signer": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
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
              "name": "attributionClaimArgs"
            }
          }
        }
      ]
    },
    {
      "name": "attributionRelease",
      "docs": [
        "Sends an epoch without a root by its deadline to the datanet's pool (permissionless)."
      ],
      "discriminator": [
        35,
        236,
        2,
        135,
        31,
        240,
        116,
        231
      ],
      "accounts": [
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "pool",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "attributionRootPost",
      "docs": [
        "The model's staked attestor posts an ended epoch's allocation root (once, before the deadline)."
      ],
      "discriminator": [
        60,
        207,
        136,
        173,
        206,
        170,
        109,
        163
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "model",
          "relations": [
            "epoch"
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "attestor",
          "writable": true,
          "signer": true
        },
        {
          "name": "attestorStake",
          "docs": [
            "Answers for the root: no withdrawal until its challenge window and any challenge are over."
          ],
          "writable": true
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "attestorToken",
          "docs": [
            "attestor, who signs, to own it (or be its delegate) in the transfer."
          ],
          "writable": true
        },
        {
          "name": "attestorApproval",
          "docs": [
            "`AttestorApproval` PDA for the epoch's datanet); it must exist (`validate`)."
          ],
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  111,
                  114,
                  95,
                  97,
                  112,
                  112,
                  114,
                  111,
                  118,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "epoch.datanet",
                "account": "epoch"
              },
              {
                "kind": "account",
                "path": "attestor"
              }
            ],
            "program": {
              "kind": "const",
              "value": [
                183,
                29,
                92,
                149,
                183,
                73,
                24,
                33,
                27,
                41,
                39,
                206,
                182,
                57,
                9,
                203,
                193,
                137,
                217,
                16,
                216,
                83,
                156,
                197,
                116,
                77,
                86,
                93,
                84,
                7,
                16,
                228
              ]
            }
          }
        },
        {
          "name": "attestation",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "epoch"
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
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
              "name": "attributionRootPostArgs"
            }
          }
        }
      ]
    },
    {
      "name": "attributionRootVeto",
      "docs": [
        "Governance strikes down a posted root during the challenge window: the epoch's balance goes",
        "to the datanet's pool and the epoch ends as released."
      ],
      "discriminator": [
        122,
        6,
        217,
        39,
        3,
        199,
        46,
        245
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "guardian",
          "signer": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "pool",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "reason",
          "type": "u16"
        }
      ]
    },
    {
      "name": "channelClose",
      "docs": [
        "After the settle deadline, the rest of the deposit and the rent go back to the payer",
        "(permissionless)."
      ],
      "discriminator": [
        9,
        95,
        236,
        231,
        220,
        80,
        107,
        188
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "channel",
          "writable": true
        },
        {
          "name": "payer",
          "writable": true,
          "relations": [
            "channel"
          ]
        },
        {
          "name": "payerToken",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "channelCloseRequest",
      "docs": [
        "The payer starts closing a channel (revoking its agent): the operator settles within a",
        "dispute window, then the rest goes back."
      ],
      "discriminator": [
        209,
        212,
        89,
        236,
        125,
        42,
        35,
        219
      ],
      "accounts": [
        {
          "name": "payer",
          "signer": true,
          "relations": [
            "channel"
          ]
        },
        {
          "name": "channel",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "channelOpen",
      "docs": [
        "Opens a payment channel: the payer's deposit for one model and one operator, spent by",
        "vouchers its signer (the payer or an agent) signs."
      ],
      "discriminator": [
        161,
        19,
        223,
        17,
        48,
        136,
        3,
        113
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "payerToken",
          "docs": [
            "transfer, which `payer` signs."
          ],
          "writable": true
        },
        {
          "name": "model"
        },
        {
          "name": "operator"
        },
        {
          "name": "channel",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  104,
                  97,
                  110,
                  110,
                  101,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "payer"
              },
              {
                "kind": "arg",
                "path": "args.id"
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
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
              "name": "channelOpenArgs"
            }
          }
        }
      ]
    },
    {
      "name": "channelSettle",
      "docs": [
        "The channel's operator redeems the newest voucher (Ed25519-verified in the same",
        "transaction) and the difference is split as `inference_pay` splits a fee.",
        "Remaining accounts: as for `inference_pay`."
      ],
      "discriminator": [
        48,
        71,
        149,
        146,
        89,
        90,
        89,
        38
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "channel",
          "writable": true
        },
        {
          "name": "model",
          "relations": [
            "channel"
          ]
        },
        {
          "name": "operator",
          "relations": [
            "channel"
          ]
        },
        {
          "name": "operatorAuthority",
          "signer": true
        },
        {
          "name": "operatorStake"
        },
        {
          "name": "treasuryEarnings",
          "writable": true
        },
        {
          "name": "ownerEarnings",
          "writable": true
        },
        {
          "name": "operatorEarnings",
          "writable": true
        },
        {
          "name": "instructions",
          "address": "Sysvar1nstructions1111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "voucher",
          "type": {
            "defined": {
              "name": "voucher"
            }
          }
        }
      ]
    },
    {
      "name": "channelTopUp",
      "docs": [
        "Adds to an open channel's deposit (its payer)."
      ],
      "discriminator": [
        213,
        73,
        79,
        237,
        143,
        8,
        203,
        38
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "payer",
          "signer": true,
          "relations": [
            "channel"
          ]
        },
        {
          "name": "payerToken",
          "writable": true
        },
        {
          "name": "channel",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "configInit",
      "docs": [
        "Adopts the OPEN mint and creates the config and the vaults (upgrade authority only)."
      ],
      "discriminator": [
        13,
        236,
        164,
        173,
        106,
        253,
        164,
        185
      ],
      "accounts": [
        {
          "name": "config",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  110,
                  102,
                  105,
                  103
                ]
              }
            ]
          }
        },
        {
          "name": "vault",
          "docs": [
            "config."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "stakeVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  116,
                  97,
                  107,
                  101,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "mint"
        },
        {
          "name": "deployer",
          "writable": true,
          "signer": true
        },
        {
          "name": "program",
          "address": "AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU"
        },
        {
          "name": "programData"
        },
        {
          "name": "tokenProgram"
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
              "name": "configInitArgs"
            }
          }
        }
      ]
    },
    {
      "name": "configPause",
      "docs": [
        "The guardian pauses payments or lifts the pause."
      ],
      "discriminator": [
        217,
        42,
        85,
        11,
        91,
        202,
        36,
        130
      ],
      "accounts": [
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "guardian",
          "signer": true,
          "relations": [
            "config"
          ]
        }
      ],
      "args": [
        {
          "name": "paused",
          "type": "bool"
        }
      ]
    },
    {
      "name": "earningsClaim",
      "docs": [
        "A beneficiary claims its earnings balance."
      ],
      "discriminator": [
        15,
        125,
        119,
        17,
        170,
        128,
        175,
        83
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "earnings",
          "writable": true
        },
        {
          "name": "beneficiary",
          "signer": true,
          "relations": [
            "earnings"
          ]
        },
        {
          "name": "destination",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "earningsClose",
      "docs": [
        "Closes an earnings account with nothing to claim (not the treasury's); rent to its",
        "beneficiary."
      ],
      "discriminator": [
        63,
        91,
        54,
        74,
        199,
        184,
        85,
        39
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "earnings",
          "writable": true
        },
        {
          "name": "beneficiary",
          "writable": true,
          "signer": true,
          "relations": [
            "earnings"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "earningsInit",
      "docs": [
        "Creates `beneficiary`'s earnings account for `role` (permissionless)."
      ],
      "discriminator": [
        86,
        27,
        114,
        208,
        38,
        81,
        1,
        38
      ],
      "accounts": [
        {
          "name": "earnings",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  97,
                  114,
                  110,
                  105,
                  110,
                  103,
                  115
                ]
              },
              {
                "kind": "arg",
                "path": "beneficiary"
              },
              {
                "kind": "arg",
                "path": "role"
              }
            ]
          }
        },
        {
          "name": "payer",
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
          "name": "beneficiary",
          "type": "pubkey"
        },
        {
          "name": "role",
          "type": {
            "defined": {
              "name": "earningsRole"
            }
          }
        }
      ]
    },
    {
      "name": "earningsTransferAccept",
      "docs": [
        "The successor takes the balance into its own earnings account of the same role; the old",
        "account closes, its rent back to the previous beneficiary."
      ],
      "discriminator": [
        203,
        129,
        97,
        150,
        120,
        99,
        216,
        14
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "earnings",
          "writable": true
        },
        {
          "name": "successorEarnings",
          "docs": [
            "The successor's own earnings account of the same role (`earnings_init` creates it)."
          ],
          "writable": true
        },
        {
          "name": "previousBeneficiary",
          "writable": true
        },
        {
          "name": "newBeneficiary",
          "signer": true
        }
      ],
      "args": []
    },
    {
      "name": "earningsTransferPropose",
      "docs": [
        "An earnings account's beneficiary names its successor (or cancels with `None`)."
      ],
      "discriminator": [
        27,
        254,
        17,
        194,
        29,
        124,
        156,
        133
      ],
      "accounts": [
        {
          "name": "earnings",
          "writable": true
        },
        {
          "name": "beneficiary",
          "signer": true,
          "relations": [
            "earnings"
          ]
        }
      ],
      "args": [
        {
          "name": "newBeneficiary",
          "type": {
            "option": "pubkey"
          }
        }
      ]
    },
    {
      "name": "epochChallenge",
      "docs": [
        "Anyone disputes a posted root within its challenge window, bonding `challenge_bond`:",
        "claims wait for the resolver."
      ],
      "discriminator": [
        57,
        8,
        146,
        211,
        36,
        207,
        11,
        174
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "attestation",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "epoch"
              }
            ]
          }
        },
        {
          "name": "challenger",
          "signer": true
        },
        {
          "name": "challengerToken",
          "docs": [
            "challenger, who signs, to own it (or be its delegate) in the transfer."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": [
        {
          "name": "disputed",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        }
      ]
    },
    {
      "name": "epochChallengeEnd",
      "docs": [
        "Ends a challenge: the resolver upholds or dismisses it before its deadline; after it,",
        "anyone ends it as expired (the static fallback, both bonds back)."
      ],
      "discriminator": [
        130,
        35,
        172,
        149,
        55,
        255,
        181,
        6
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "attestation",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "epoch"
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "challengerToken",
          "writable": true
        },
        {
          "name": "signer",
          "docs": [
            "The resolver deciding, or anyone once the resolver's deadline has passed."
          ],
          "signer": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": [
        {
          "name": "outcome",
          "type": {
            "defined": {
              "name": "challengeOutcome"
            }
          }
        }
      ]
    },
    {
      "name": "epochClose",
      "docs": [
        "Closes an expired or released epoch: the unclaimed rest to the pool, rent to its payer."
      ],
      "discriminator": [
        204,
        177,
        225,
        255,
        117,
        166,
        83,
        81
      ],
      "accounts": [
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "rentPayer",
          "writable": true,
          "relations": [
            "epoch"
          ]
        },
        {
          "name": "attestation",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "epoch"
              }
            ]
          }
        }
      ],
      "args": []
    },
    {
      "name": "epochOpen",
      "docs": [
        "Opens the current Proof of Attribution epoch of a model (permissionless, idempotent)."
      ],
      "discriminator": [
        28,
        220,
        36,
        113,
        160,
        149,
        243,
        188
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "model"
        },
        {
          "name": "epoch",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  112,
                  111,
                  99,
                  104
                ]
              },
              {
                "kind": "account",
                "path": "model"
              },
              {
                "kind": "arg",
                "path": "index"
              }
            ]
          }
        },
        {
          "name": "payer",
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
          "name": "index",
          "type": "u64"
        }
      ]
    },
    {
      "name": "escrowDistribute",
      "docs": [
        "Splits an upstream model's escrow by that model's lineage (permissionless crank).",
        "Remaining accounts: as for `inference_pay`, for the escrow's model."
      ],
      "discriminator": [
        130,
        202,
        39,
        127,
        212,
        7,
        91,
        213
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "escrow",
          "writable": true
        },
        {
          "name": "model",
          "relations": [
            "escrow"
          ]
        },
        {
          "name": "treasuryEarnings",
          "writable": true
        },
        {
          "name": "ownerEarnings",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "escrowInit",
      "docs": [
        "Creates a model's escrow, through which downstream models pay it (permissionless)."
      ],
      "discriminator": [
        11,
        31,
        91,
        199,
        154,
        124,
        137,
        116
      ],
      "accounts": [
        {
          "name": "model"
        },
        {
          "name": "escrow",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "model"
              }
            ]
          }
        },
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "inferencePay",
      "docs": [
        "Pays `price × calls` for a model (at most `max_fee`) and splits it by the frozen lineage.",
        "Remaining accounts: one pool (datanet entry) or escrow (model entry) per lineage entry."
      ],
      "discriminator": [
        150,
        108,
        220,
        6,
        147,
        202,
        151,
        150
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "payer",
          "signer": true
        },
        {
          "name": "payerToken",
          "docs": [
            "payer to own it (or be its delegate) in the transfer, which `payer` signs."
          ],
          "writable": true
        },
        {
          "name": "model"
        },
        {
          "name": "operator",
          "docs": [
            "The operator that served the calls."
          ]
        },
        {
          "name": "operatorAuthority",
          "docs": [
            "The operator's authority co-signs the payment: \"who executed\" and the output hash it",
            "served are its word, not the payer's (a payer cannot name an operator that did not serve",
            "it, nor commit an output the operator did not return)."
          ],
          "signer": true
        },
        {
          "name": "operatorStake"
        },
        {
          "name": "treasuryEarnings",
          "writable": true
        },
        {
          "name": "ownerEarnings",
          "writable": true
        },
        {
          "name": "operatorEarnings",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "inferencePayArgs"
            }
          }
        }
      ]
    },
    {
      "name": "poolInit",
      "docs": [
        "Creates the reward pool of a published datanet version (permissionless)."
      ],
      "discriminator": [
        101,
        32,
        173,
        233,
        127,
        225,
        198,
        71
      ],
      "accounts": [
        {
          "name": "datanetVersion"
        },
        {
          "name": "pool",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  111,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "datanetVersion"
              }
            ]
          }
        },
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "positionClaim",
      "docs": [
        "The contributor claims what any number of its positions accrued, in one transfer.",
        "Remaining accounts: (position, pool) pairs."
      ],
      "discriminator": [
        150,
        127,
        74,
        21,
        61,
        229,
        245,
        9
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "beneficiary",
          "signer": true
        },
        {
          "name": "destination",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "positionEnroll",
      "docs": [
        "Opens a contribution's position in the pool of a version that contains it (permissionless;",
        "late costs nothing)."
      ],
      "discriminator": [
        223,
        183,
        146,
        254,
        110,
        6,
        32,
        59
      ],
      "accounts": [
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "contribution"
        },
        {
          "name": "position",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  115,
                  105,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "contribution"
              }
            ]
          }
        },
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "positionSync",
      "docs": [
        "Points a position at its contribution's current contributor, after a handover",
        "(permissionless)."
      ],
      "discriminator": [
        231,
        203,
        57,
        61,
        132,
        119,
        182,
        167
      ],
      "accounts": [
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "contribution",
          "relations": [
            "position"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "receiptClose",
      "docs": [
        "Closes a receipt of a closed epoch, rent to its payer (permissionless)."
      ],
      "discriminator": [
        84,
        149,
        154,
        242,
        255,
        58,
        6,
        163
      ],
      "accounts": [
        {
          "name": "receipt",
          "writable": true
        },
        {
          "name": "epoch",
          "relations": [
            "receipt"
          ]
        },
        {
          "name": "rentPayer",
          "writable": true,
          "relations": [
            "receipt"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "roleAccept",
      "docs": [
        "The key a queued role change named takes the role over."
      ],
      "discriminator": [
        199,
        210,
        225,
        231,
        137,
        142,
        10,
        148
      ],
      "accounts": [
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "newHolder",
          "signer": true
        }
      ],
      "args": [
        {
          "name": "role",
          "type": {
            "defined": {
              "name": "role"
            }
          }
        }
      ]
    },
    {
      "name": "stakeAuthorityAccept",
      "docs": [
        "The proposed wallet becomes the stake's authority (with the operator's, see model_registry)."
      ],
      "discriminator": [
        8,
        24,
        207,
        111,
        241,
        9,
        53,
        25
      ],
      "accounts": [
        {
          "name": "stake",
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
      "name": "stakeAuthorityPropose",
      "docs": [
        "A stake's authority names its successor (or cancels with `None`)."
      ],
      "discriminator": [
        117,
        144,
        103,
        98,
        4,
        136,
        2,
        78
      ],
      "accounts": [
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "stake"
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
      "name": "stakeClose",
      "docs": [
        "Closes a stake with nothing staked or unstaking; rent to its authority."
      ],
      "discriminator": [
        206,
        22,
        98,
        49,
        70,
        38,
        130,
        166
      ],
      "accounts": [
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "authority",
          "writable": true,
          "signer": true,
          "relations": [
            "stake"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "stakeDeposit",
      "docs": [
        "Adds OPEN to the signer's active stake."
      ],
      "discriminator": [
        75,
        168,
        115,
        239,
        194,
        115,
        22,
        98
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "stakeVault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "source",
          "docs": [
            "transfer, which `authority` signs."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "stakeInit",
      "docs": [
        "Creates the signer's stake account."
      ],
      "discriminator": [
        137,
        167,
        22,
        241,
        128,
        110,
        12,
        105
      ],
      "accounts": [
        {
          "name": "stake",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  116,
                  97,
                  107,
                  101
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
      "args": []
    },
    {
      "name": "stakeSlash",
      "docs": [
        "Anyone executes a queued slash once its delay has passed: the operator's stake (active",
        "first, then unstaking) goes to the treasury's earnings."
      ],
      "discriminator": [
        231,
        69,
        5,
        138,
        47,
        152,
        182,
        122
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "action",
          "writable": true
        },
        {
          "name": "proposer",
          "writable": true,
          "relations": [
            "action"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "treasuryEarnings",
          "writable": true
        },
        {
          "name": "stakeVault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "stakeUnstakeRequest",
      "docs": [
        "Starts unstaking `amount` (it stops counting at once; withdrawable after the cooldown)."
      ],
      "discriminator": [
        16,
        194,
        103,
        76,
        175,
        181,
        59,
        86
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "stake"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "stakeWithdraw",
      "docs": [
        "Withdraws everything unstaking once the cooldown has ended."
      ],
      "discriminator": [
        199,
        13,
        168,
        20,
        92,
        151,
        29,
        56
      ],
      "accounts": [
        {
          "name": "config"
        },
        {
          "name": "stakeVault",
          "writable": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "config"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "destination",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "config"
          ]
        }
      ],
      "args": []
    }
  ],
  "accounts": [
    {
      "name": "action",
      "discriminator": [
        144,
        241,
        105,
        219,
        74,
        136,
        203,
        176
      ]
    },
    {
      "name": "attestation",
      "discriminator": [
        152,
        125,
        183,
        86,
        36,
        146,
        121,
        73
      ]
    },
    {
      "name": "channel",
      "discriminator": [
        49,
        159,
        99,
        106,
        220,
        87,
        219,
        88
      ]
    },
    {
      "name": "config",
      "discriminator": [
        155,
        12,
        170,
        224,
        30,
        250,
        204,
        130
      ]
    },
    {
      "name": "earnings",
      "discriminator": [
        91,
        138,
        17,
        199,
        164,
        111,
        222,
        232
      ]
    },
    {
      "name": "epoch",
      "discriminator": [
        93,
        83,
        120,
        89,
        151,
        138,
        152,
        108
      ]
    },
    {
      "name": "escrow",
      "discriminator": [
        31,
        213,
        123,
        187,
        186,
        22,
        218,
        155
      ]
    },
    {
      "name": "pool",
      "discriminator": [
        241,
        154,
        109,
        4,
        17,
        177,
        109,
        188
      ]
    },
    {
      "name": "position",
      "discriminator": [
        170,
        188,
        143,
        228,
        122,
        64,
        247,
        208
      ]
    },
    {
      "name": "receipt",
      "discriminator": [
        39,
        154,
        73,
        106,
        80,
        102,
        145,
        153
      ]
    },
    {
      "name": "stake",
      "discriminator": [
        150,
        197,
        176,
        29,
        55,
        132,
        112,
        149
      ]
    }
  ],
  "events": [
    {
      "name": "actionCancelled",
      "discriminator": [
        121,
        213,
        205,
        29,
        226,
        181,
        230,
        13
      ]
    },
    {
      "name": "actionExecuted",
      "discriminator": [
        116,
        101,
        146,
        36,
        160,
        153,
        182,
        233
      ]
    },
    {
      "name": "actionQueued",
      "discriminator": [
        77,
        189,
        39,
        169,
        248,
        125,
        126,
        168
      ]
    },
    {
      "name": "attestationClosed",
      "discriminator": [
        126,
        45,
        96,
        171,
        16,
        201,
        11,
        78
      ]
    },
    {
      "name": "attributionClaimed",
      "discriminator": [
        165,
        19,
        107,
        178,
        5,
        206,
        133,
        15
      ]
    },
    {
      "name": "attributionRootPosted",
      "discriminator": [
        57,
        81,
        142,
        67,
        111,
        218,
        11,
        14
      ]
    },
    {
      "name": "attributionRootVetoed",
      "discriminator": [
        250,
        211,
        199,
        31,
        166,
        25,
        58,
        252
      ]
    },
    {
      "name": "channelCloseRequested",
      "discriminator": [
        25,
        12,
        1,
        80,
        238,
        62,
        27,
        137
      ]
    },
    {
      "name": "channelClosed",
      "discriminator": [
        119,
        198,
        23,
        254,
        216,
        124,
        84,
        16
      ]
    },
    {
      "name": "channelOpened",
      "discriminator": [
        253,
        213,
        255,
        96,
        31,
        188,
        47,
        170
      ]
    },
    {
      "name": "channelSettled",
      "discriminator": [
        111,
        173,
        122,
        136,
        157,
        140,
        206,
        6
      ]
    },
    {
      "name": "channelToppedUp",
      "discriminator": [
        54,
        225,
        177,
        32,
        80,
        12,
        60,
        115
      ]
    },
    {
      "name": "configInitialized",
      "discriminator": [
        181,
        49,
        200,
        156,
        19,
        167,
        178,
        91
      ]
    },
    {
      "name": "configUpdated",
      "discriminator": [
        40,
        241,
        230,
        122,
        11,
        19,
        198,
        194
      ]
    },
    {
      "name": "earningsClaimed",
      "discriminator": [
        106,
        170,
        154,
        105,
        21,
        43,
        189,
        97
      ]
    },
    {
      "name": "earningsInitialized",
      "discriminator": [
        0,
        96,
        44,
        190,
        188,
        192,
        71,
        144
      ]
    },
    {
      "name": "earningsTransferred",
      "discriminator": [
        131,
        98,
        67,
        171,
        169,
        184,
        146,
        65
      ]
    },
    {
      "name": "emptyAccountClosed",
      "discriminator": [
        44,
        221,
        27,
        61,
        101,
        226,
        47,
        14
      ]
    },
    {
      "name": "epochChallengeEnded",
      "discriminator": [
        63,
        126,
        34,
        14,
        204,
        249,
        142,
        51
      ]
    },
    {
      "name": "epochChallenged",
      "discriminator": [
        179,
        219,
        126,
        63,
        77,
        198,
        199,
        231
      ]
    },
    {
      "name": "epochOpened",
      "discriminator": [
        136,
        166,
        130,
        170,
        78,
        145,
        67,
        78
      ]
    },
    {
      "name": "epochReleased",
      "discriminator": [
        49,
        122,
        185,
        26,
        163,
        250,
        254,
        249
      ]
    },
    {
      "name": "escrowDistributed",
      "discriminator": [
        58,
        107,
        128,
        41,
        125,
        252,
        91,
        239
      ]
    },
    {
      "name": "escrowInitialized",
      "discriminator": [
        222,
        186,
        157,
        47,
        145,
        142,
        176,
        248
      ]
    },
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
      "name": "inferencePaid",
      "discriminator": [
        45,
        27,
        176,
        122,
        123,
        252,
        252,
        238
      ]
    },
    {
      "name": "pauseSet",
      "discriminator": [
        175,
        57,
        198,
        136,
        192,
        66,
        204,
        73
      ]
    },
    {
      "name": "poolInitialized",
      "discriminator": [
        100,
        118,
        173,
        87,
        12,
        198,
        254,
        229
      ]
    },
    {
      "name": "positionClaimed",
      "discriminator": [
        149,
        250,
        141,
        45,
        210,
        198,
        94,
        148
      ]
    },
    {
      "name": "positionEnrolled",
      "discriminator": [
        10,
        112,
        193,
        190,
        200,
        246,
        111,
        5
      ]
    },
    {
      "name": "positionSynced",
      "discriminator": [
        164,
        169,
        80,
        175,
        213,
        34,
        190,
        86
      ]
    },
    {
      "name": "receiptClosed",
      "discriminator": [
        127,
        232,
        161,
        69,
        46,
        187,
        159,
        188
      ]
    },
    {
      "name": "roleAccepted",
      "discriminator": [
        130,
        219,
        17,
        167,
        202,
        238,
        104,
        50
      ]
    },
    {
      "name": "stakeChanged",
      "discriminator": [
        242,
        117,
        195,
        222,
        185,
        209,
        114,
        219
      ]
    },
    {
      "name": "stakeInitialized",
      "discriminator": [
        148,
        201,
        109,
        225,
        10,
        33,
        117,
        163
      ]
    },
    {
      "name": "stakeSlashed",
      "discriminator": [
        43,
        41,
        196,
        25,
        218,
        235,
        244,
        35
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "protocolFeeTooHigh",
      "msg": "Protocol fee above the hard cap of 1,000 bps"
    },
    {
      "code": 6001,
      "name": "invalidCooldown",
      "msg": "Unstake cooldown must be between 0 and 30 days"
    },
    {
      "code": 6002,
      "name": "notUpgradeAuthority",
      "msg": "Only the program's upgrade authority may initialise it"
    },
    {
      "code": 6003,
      "name": "notConfigAuthority",
      "msg": "Only the config authority may do this"
    },
    {
      "code": 6004,
      "name": "noPendingAuthority",
      "msg": "No authority transfer is pending for this signer"
    },
    {
      "code": 6005,
      "name": "paused",
      "msg": "Payments are paused"
    },
    {
      "code": 6006,
      "name": "wrongMint",
      "msg": "The token mint is not the configured OPEN mint"
    },
    {
      "code": 6007,
      "name": "wrongTokenProgram",
      "msg": "The token program is not the one that owns the OPEN mint"
    },
    {
      "code": 6008,
      "name": "zeroCalls",
      "msg": "Calls must be above zero"
    },
    {
      "code": 6009,
      "name": "feeAboveMax",
      "msg": "The fee (price × calls) is above the max fee you allowed"
    },
    {
      "code": 6010,
      "name": "modelNotPublished",
      "msg": "The model is not published (a draft cannot be paid)"
    },
    {
      "code": 6011,
      "name": "modelRetired",
      "msg": "The model is retired: it takes no new payments"
    },
    {
      "code": 6012,
      "name": "operatorInactive",
      "msg": "The operator is not active in model_registry"
    },
    {
      "code": 6013,
      "name": "insufficientStake",
      "msg": "The operator's active stake is below the minimum"
    },
    {
      "code": 6014,
      "name": "wrongStake",
      "msg": "The stake account does not belong to this operator"
    },
    {
      "code": 6015,
      "name": "wrongEarnings",
      "msg": "The earnings account is not the right beneficiary's, in the right role"
    },
    {
      "code": 6016,
      "name": "lineageAccountMismatch",
      "msg": "The pool and escrow accounts must match the model's lineage: one per entry, in order, writable"
    },
    {
      "code": 6017,
      "name": "wrongPool",
      "msg": "The pool is not that of this datanet version"
    },
    {
      "code": 6018,
      "name": "contributionNotAccepted",
      "msg": "The contribution is not accepted"
    },
    {
      "code": 6019,
      "name": "notBeneficiary",
      "msg": "Only the beneficiary may claim"
    },
    {
      "code": 6020,
      "name": "notOwnTokenAccount",
      "msg": "The token account must be an OPEN account of the signer's own"
    },
    {
      "code": 6021,
      "name": "nothingToClaim",
      "msg": "Nothing to claim"
    },
    {
      "code": 6022,
      "name": "nothingToDistribute",
      "msg": "Nothing to distribute"
    },
    {
      "code": 6023,
      "name": "escrowModelDraft",
      "msg": "The escrow's model has not been published"
    },
    {
      "code": 6024,
      "name": "zeroAmount",
      "msg": "Amount must be above zero"
    },
    {
      "code": 6025,
      "name": "stakeTooLow",
      "msg": "More than the active stake"
    },
    {
      "code": 6026,
      "name": "nothingUnstaking",
      "msg": "Nothing is unstaking"
    },
    {
      "code": 6027,
      "name": "cooldownActive",
      "msg": "The unstake cooldown has not ended"
    },
    {
      "code": 6028,
      "name": "notStakeAuthority",
      "msg": "Only the stake's authority may do this"
    },
    {
      "code": 6029,
      "name": "unsupportedMintExtension",
      "msg": "The token mint has an extension this program does not support (transfer fees, hooks, permanent delegates, ...)"
    },
    {
      "code": 6030,
      "name": "invalidEpochTiming",
      "msg": "Epoch timing out of bounds (epoch 1 min–30 days, root deadline 1 min–30 days, challenge window ≤ 7 days, claim window 1 hour–365 days)"
    },
    {
      "code": 6031,
      "name": "notProofAttributed",
      "msg": "The model has no proof-attributed lineage entry"
    },
    {
      "code": 6032,
      "name": "notCurrentEpoch",
      "msg": "Only the current epoch can be opened"
    },
    {
      "code": 6033,
      "name": "wrongEpoch",
      "msg": "The epoch account does not match this model, epoch and its state"
    },
    {
      "code": 6034,
      "name": "epochNotEnded",
      "msg": "The epoch has not ended yet"
    },
    {
      "code": 6035,
      "name": "rootDeadlinePassed",
      "msg": "The deadline for posting this epoch's root has passed"
    },
    {
      "code": 6036,
      "name": "rootDeadlineNotPassed",
      "msg": "The deadline for posting this epoch's root has not passed yet"
    },
    {
      "code": 6037,
      "name": "rootAlreadyPosted",
      "msg": "This epoch's root was already posted, or the epoch was released"
    },
    {
      "code": 6038,
      "name": "notAttestor",
      "msg": "Only the model's attestor may post its roots"
    },
    {
      "code": 6039,
      "name": "attestorNotStaked",
      "msg": "The attestor's active stake is below the operator minimum"
    },
    {
      "code": 6040,
      "name": "totalAboveAccrued",
      "msg": "The total allocated is more than the epoch accrued"
    },
    {
      "code": 6041,
      "name": "recordsHashMismatch",
      "msg": "The records hash does not match the epoch's running hash of paid inferences"
    },
    {
      "code": 6042,
      "name": "noLeaves",
      "msg": "A root allocating a positive total needs at least one leaf"
    },
    {
      "code": 6043,
      "name": "rootNotPosted",
      "msg": "The epoch's root has not been posted"
    },
    {
      "code": 6044,
      "name": "challengeWindowOpen",
      "msg": "The challenge window has not ended: claims are not open yet"
    },
    {
      "code": 6045,
      "name": "claimPeriodOver",
      "msg": "The claim period of this epoch has ended"
    },
    {
      "code": 6046,
      "name": "claimPeriodNotOver",
      "msg": "The claim period of this epoch has not ended"
    },
    {
      "code": 6047,
      "name": "invalidProof",
      "msg": "The Merkle proof does not prove this claim"
    },
    {
      "code": 6048,
      "name": "proofTooLong",
      "msg": "A proof of more than 32 hashes cannot be valid"
    },
    {
      "code": 6049,
      "name": "alreadyClaimed",
      "msg": "This contribution was already paid from this epoch"
    },
    {
      "code": 6050,
      "name": "claimAboveTotal",
      "msg": "The claim would exceed the epoch's allocated total"
    },
    {
      "code": 6051,
      "name": "wrongRentPayer",
      "msg": "The rent goes back to whoever paid it"
    },
    {
      "code": 6052,
      "name": "epochStillOpen",
      "msg": "The receipt's epoch is still open"
    },
    {
      "code": 6053,
      "name": "invariantViolated",
      "msg": "An internal invariant would be broken"
    },
    {
      "code": 6054,
      "name": "mathOverflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6055,
      "name": "slashAboveStake",
      "msg": "The slash exceeds the operator's stake (active and unstaking)"
    },
    {
      "code": 6056,
      "name": "challengeWindowClosed",
      "msg": "The challenge window has closed: the root stands"
    },
    {
      "code": 6057,
      "name": "epochLengthFixed",
      "msg": "The epoch length is fixed at config_init: epoch accounts are addressed by it"
    },
    {
      "code": 6058,
      "name": "mintHasFreezeAuthority",
      "msg": "The OPEN mint must have no freeze authority: it could freeze the vaults"
    },
    {
      "code": 6059,
      "name": "cooldownBelowChallengeWindow",
      "msg": "The unstake cooldown must be at least the challenge window, so an attestor's stake stays slashable while its root can be vetoed"
    },
    {
      "code": 6060,
      "name": "notInVersion",
      "msg": "The contribution is not in this version: it was accepted after the version was published"
    },
    {
      "code": 6061,
      "name": "claimAccountMismatch",
      "msg": "A claim's remaining accounts are (position, pool) pairs: each position the signer's, writable, followed by its own pool"
    },
    {
      "code": 6062,
      "name": "alreadyEnrolled",
      "msg": "This contribution already has a position in this pool"
    },
    {
      "code": 6063,
      "name": "wrongContribution",
      "msg": "The position is not this contribution's"
    },
    {
      "code": 6064,
      "name": "beneficiaryCurrent",
      "msg": "The position already pays the contribution's contributor"
    },
    {
      "code": 6065,
      "name": "noPendingHandover",
      "msg": "No handover of this account is pending for this signer"
    },
    {
      "code": 6066,
      "name": "handoverToSelf",
      "msg": "An earnings account can only be handed to another wallet, into that wallet's own earnings account of the same role"
    },
    {
      "code": 6067,
      "name": "accountNotEmpty",
      "msg": "Only an empty account closes: claim the earnings, or withdraw the stake, first"
    },
    {
      "code": 6068,
      "name": "treasuryEarningsStay",
      "msg": "The treasury's earnings account stays open: every payment credits it"
    },
    {
      "code": 6069,
      "name": "invalidInputsUri",
      "msg": "A posted root names where its attestation is published: a URI of 1 to 200 bytes"
    },
    {
      "code": 6070,
      "name": "contributionOfAnotherDatanet",
      "msg": "The contribution is not of the datanet this epoch attributes"
    },
    {
      "code": 6071,
      "name": "invalidChallengeParams",
      "msg": "Challenge parameters out of bounds: attestor bond 10-100 % of the root's total, a challenge bond above zero, a reward of at most 100 %, a resolve window of 1 hour to 30 days"
    },
    {
      "code": 6072,
      "name": "rootChallenged",
      "msg": "The root is being challenged: no claim or veto until the resolver decides"
    },
    {
      "code": 6073,
      "name": "notResolver",
      "msg": "Only the config's resolver decides challenges"
    },
    {
      "code": 6074,
      "name": "notChallenged",
      "msg": "The epoch has no pending challenge"
    },
    {
      "code": 6075,
      "name": "resolveDeadlinePassed",
      "msg": "The resolver's deadline for this challenge has passed"
    },
    {
      "code": 6076,
      "name": "resolveDeadlineNotPassed",
      "msg": "The resolver may still decide this challenge"
    },
    {
      "code": 6077,
      "name": "bondLocked",
      "msg": "The attestor's bond is locked until claims open with no challenge pending"
    },
    {
      "code": 6078,
      "name": "attestorBondHeld",
      "msg": "The epoch's attestation is open: close it first (attestation_close returns the attestor's bond)"
    },
    {
      "code": 6079,
      "name": "attestorNotApproved",
      "msg": "The datanet's curator has not approved this attestor for its share (datanet_attestor_approve)"
    },
    {
      "code": 6080,
      "name": "notOperatorAuthority",
      "msg": "The operator's authority must sign the payment for the calls it served"
    },
    {
      "code": 6081,
      "name": "invalidChannelExpiry",
      "msg": "The channel's expiry must be in the future and at most a year away"
    },
    {
      "code": 6082,
      "name": "notChannelPayer",
      "msg": "Only the channel's payer may do this"
    },
    {
      "code": 6083,
      "name": "wrongChannel",
      "msg": "The channel is not this model's and operator's"
    },
    {
      "code": 6084,
      "name": "channelEnded",
      "msg": "The channel is closing or expired: no top-up, no second close request"
    },
    {
      "code": 6085,
      "name": "settleDeadlinePassed",
      "msg": "The channel's settle deadline has passed: no more vouchers"
    },
    {
      "code": 6086,
      "name": "voucherStale",
      "msg": "A voucher with this sequence number or a newer one was settled already"
    },
    {
      "code": 6087,
      "name": "voucherAmountMismatch",
      "msg": "A voucher's amount must be its calls times the channel's price per call"
    },
    {
      "code": 6088,
      "name": "voucherAboveDeposit",
      "msg": "The voucher's amount is above the channel's deposit"
    },
    {
      "code": 6089,
      "name": "nothingToSettle",
      "msg": "The voucher adds no calls to what was settled"
    },
    {
      "code": 6090,
      "name": "voucherNotSigned",
      "msg": "No Ed25519 verification of this voucher by the channel's signer right before this instruction (its key, message and signature in its own data)"
    },
    {
      "code": 6091,
      "name": "channelStillSettling",
      "msg": "The operator may still settle: the channel closes after its settle deadline"
    },
    {
      "code": 6092,
      "name": "zeroMinOperatorStake",
      "msg": "The minimum operator stake must be above zero"
    },
    {
      "code": 6093,
      "name": "invalidTimelockDelay",
      "msg": "The timelock's delay must be between one and 30 days"
    },
    {
      "code": 6094,
      "name": "actionNotReady",
      "msg": "The queued action's delay has not passed yet"
    },
    {
      "code": 6095,
      "name": "slashIsStakeSlash",
      "msg": "A queued slash is executed by stake_slash"
    },
    {
      "code": 6096,
      "name": "notASlash",
      "msg": "This queued action is not a slash"
    },
    {
      "code": 6097,
      "name": "notAdminOrGuardian",
      "msg": "Only the admin or the guardian may cancel a queued action"
    },
    {
      "code": 6098,
      "name": "notGuardian",
      "msg": "Only the config's guardian may do this"
    },
    {
      "code": 6099,
      "name": "stakeLockedBySlash",
      "msg": "A queued slash locks this stake: the withdrawal would leave less than it names"
    },
    {
      "code": 6100,
      "name": "stakeStillSlashable",
      "msg": "This stake posted a root whose challenge window or challenge is not over: it stays slashable until then"
    },
    {
      "code": 6101,
      "name": "guardianReplacementStands",
      "msg": "The guardian cannot cancel its own replacement (only the admin can)"
    }
  ],
  "types": [
    {
      "name": "action",
      "docs": [
        "A queued admin action. PDA `[SEED_ACTION, id (u64 LE)]`, `id` from `Config::action_count`.",
        "Anyone executes it from `executable_at`; the admin or the guardian cancels it before. Either",
        "way the account closes and its rent goes back to the proposer."
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
            "name": "id",
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "The admin that queued it and paid its rent."
            ],
            "type": "pubkey"
          },
          {
            "name": "queuedAt",
            "type": "i64"
          },
          {
            "name": "executableAt",
            "type": "i64"
          },
          {
            "name": "action",
            "type": {
              "defined": {
                "name": "governanceAction"
              }
            }
          }
        ]
      }
    },
    {
      "name": "actionCancelled",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "action",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "by",
            "docs": [
              "The admin or the guardian."
            ],
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "actionExecuted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "action",
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
                "name": "governanceAction"
              }
            }
          }
        ]
      }
    },
    {
      "name": "actionQueued",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "action",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "proposer",
            "type": "pubkey"
          },
          {
            "name": "executableAt",
            "type": "i64"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "governanceAction"
              }
            }
          }
        ]
      }
    },
    {
      "name": "attestation",
      "docs": [
        "The attestor's stake in its root: the OPEN it locked in the fee vault with the post (back to it",
        "when `attestation_close` closes this account, once claims open with no challenge pending or",
        "the epoch was released; slashed when a challenge is upheld; a dismissed challenger's bond joins",
        "it), and the root's challenge, if any. Kept apart from the `Epoch` so that claims do not carry",
        "it. PDA `[SEED_ATTESTATION, epoch]`; created by `attribution_root_post`, its rent the",
        "attestor's and back to it at close."
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
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "attestor",
            "type": "pubkey"
          },
          {
            "name": "bond",
            "type": "u64"
          },
          {
            "name": "challenger",
            "docs": [
              "The pending (or last dismissed) challenge: who, its bond still held (0 when none is",
              "pending), the share of the attestor's bond it wins if upheld, what it disputes (a leaf, or",
              "the contribution a missing leaf would name), and until when the resolver may decide."
            ],
            "type": "pubkey"
          },
          {
            "name": "challengerBond",
            "type": "u64"
          },
          {
            "name": "challengeRewardBps",
            "type": "u16"
          },
          {
            "name": "disputed",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "resolveBy",
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "attestationClosed",
      "docs": [
        "An epoch's attestation closed: what was left of the attestor's bond and the account's rent",
        "went back to the attestor."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "attestor",
            "type": "pubkey"
          },
          {
            "name": "bondReturned",
            "type": "u64"
          },
          {
            "name": "rentReturned",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "attributionClaimArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "proof",
            "docs": [
              "Sibling hashes from the leaf up to the root."
            ],
            "type": {
              "vec": {
                "array": [
                  "u8",
                  32
                ]
              }
            }
          }
        ]
      }
    },
    {
      "name": "attributionClaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "paidTo",
            "docs": [
              "The contribution's contributor when claimed (the wallet a handover moved it to, if any)."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "claimed",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "attributionRootPostArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "root",
            "docs": [
              "Merkle root over (model, epoch, contribution, amount) leaves (`poa-merkle`)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "total",
            "docs": [
              "What the leaves allocate in total; at most what the epoch accrued."
            ],
            "type": "u64"
          },
          {
            "name": "leafCount",
            "type": "u64"
          },
          {
            "name": "recordsHash",
            "docs": [
              "Must equal the epoch's running hash: the attestor used exactly the epoch's payments."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "inputsHash",
            "docs": [
              "sha256 of the published attestation the root was computed from (`Epoch::inputs_hash`)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "inputsUri",
            "docs": [
              "Where that attestation is published (1 to 200 bytes); recorded in the event only."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "attributionRootPosted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "attestor",
            "type": "pubkey"
          },
          {
            "name": "attestorBond",
            "docs": [
              "Locked in the fee vault with the root (`Epoch::attestor_bond`)."
            ],
            "type": "u64"
          },
          {
            "name": "root",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "accrued",
            "type": "u64"
          },
          {
            "name": "total",
            "type": "u64"
          },
          {
            "name": "leafCount",
            "type": "u64"
          },
          {
            "name": "recordsHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "inputsHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "inputsUri",
            "type": "string"
          },
          {
            "name": "returned",
            "docs": [
              "accrued − total, credited to the datanet's pool at once."
            ],
            "type": "u64"
          },
          {
            "name": "claimsOpenAt",
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "attributionRootVetoed",
      "docs": [
        "An epoch's value went to its datanet's pool: all of it (no root by the deadline), or what",
        "was not claimed (at close).",
        "Governance struck down a posted root in its challenge window; `amount` went to the pool."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "root",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "reason",
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "challengeOutcome",
      "docs": [
        "How a challenge ends."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "upheld"
          },
          {
            "name": "dismissed"
          },
          {
            "name": "expired"
          }
        ]
      }
    },
    {
      "name": "challengeParams",
      "docs": [
        "What posting and challenging a Proof of Attribution root costs, and what a challenge earns."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "attestorBondBps",
            "docs": [
              "The attestor's bond for a root: this share of what the root allocates (rounded up),",
              "within `ATTESTOR_BOND_BPS_BOUNDS`."
            ],
            "type": "u16"
          },
          {
            "name": "challengeBond",
            "docs": [
              "OPEN base units a challenger posts; above zero."
            ],
            "type": "u64"
          },
          {
            "name": "challengeRewardBps",
            "docs": [
              "The challenger's reward when its challenge is upheld: this share of the attestor's bond."
            ],
            "type": "u16"
          },
          {
            "name": "resolveWindowSecs",
            "docs": [
              "How long the resolver has to decide a challenge; unresolved after it, the epoch falls back",
              "to the static weights and both bonds go back."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "channel",
      "docs": [
        "A unidirectional payment channel: a payer's OPEN deposit (held in the fee vault) for one model",
        "served by one operator, spent by vouchers its `signer` signs off chain and the operator settles.",
        "PDA `[SEED_CHANNEL, payer, id]`."
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
            "name": "payer",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "operator",
            "docs": [
              "The operator's account (model_registry); its current authority settles."
            ],
            "type": "pubkey"
          },
          {
            "name": "signer",
            "docs": [
              "The key that signs vouchers: the payer's own, or an agent's (whose budget the deposit is)."
            ],
            "type": "pubkey"
          },
          {
            "name": "nonce",
            "docs": [
              "The payer's random number for this opening, in every voucher: a channel closed and opened",
              "again at the same address takes none of the old vouchers."
            ],
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
              "Fixed at open: the model's price then (at most the payer's `max_price_per_call`)."
            ],
            "type": "u64"
          },
          {
            "name": "deposit",
            "docs": [
              "Everything deposited; never more than that is settled."
            ],
            "type": "u64"
          },
          {
            "name": "settledCalls",
            "docs": [
              "What the newest settled voucher said: cumulative calls and amount, its sequence and its",
              "running hash of (request id, output hash) pairs."
            ],
            "type": "u64"
          },
          {
            "name": "settledAmount",
            "type": "u64"
          },
          {
            "name": "sequence",
            "type": "u64"
          },
          {
            "name": "runningHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "expiresAt",
            "type": "i64"
          },
          {
            "name": "closingAt",
            "docs": [
              "Set by `channel_close_request`: the operator may settle until then, the payer closes after."
            ],
            "type": {
              "option": "i64"
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
          }
        ]
      }
    },
    {
      "name": "channelCloseRequested",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "channel",
            "type": "pubkey"
          },
          {
            "name": "closingAt",
            "docs": [
              "The operator may settle until then; the payer closes after it."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "channelClosed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "channel",
            "type": "pubkey"
          },
          {
            "name": "payer",
            "type": "pubkey"
          },
          {
            "name": "settledAmount",
            "type": "u64"
          },
          {
            "name": "refunded",
            "docs": [
              "What went back to the payer."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "channelOpenArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "id",
            "docs": [
              "The payer's number for the channel (its PDA's seed)."
            ],
            "type": "u64"
          },
          {
            "name": "deposit",
            "docs": [
              "OPEN moved into the vault now: the most the channel can ever pay."
            ],
            "type": "u64"
          },
          {
            "name": "maxPricePerCall",
            "docs": [
              "The most per call the payer accepts: the model's price now must not be above it, and the",
              "channel keeps that price for its life."
            ],
            "type": "u64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "When vouchers stop being honoured (the operator has a dispute window after it to settle)."
            ],
            "type": "i64"
          },
          {
            "name": "signer",
            "docs": [
              "The key that signs vouchers: the payer's own, or an agent's."
            ],
            "type": "pubkey"
          },
          {
            "name": "nonce",
            "docs": [
              "Random, fresh for every opening: vouchers name it, so a channel closed and opened again at",
              "the same address (the same `id`) takes none of the old vouchers."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "channelOpened",
      "docs": [
        "A payer opened a payment channel with a deposit (in the fee vault)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "channel",
            "type": "pubkey"
          },
          {
            "name": "payer",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "operator",
            "type": "pubkey"
          },
          {
            "name": "signer",
            "docs": [
              "The key that signs the channel's vouchers (the payer's, or an agent's)."
            ],
            "type": "pubkey"
          },
          {
            "name": "nonce",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "pricePerCall",
            "type": "u64"
          },
          {
            "name": "deposit",
            "type": "u64"
          },
          {
            "name": "expiresAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "channelSettled",
      "docs": [
        "A voucher settled: `fee` (what it added to the settled amount) was split as its",
        "`InferencePaid` event, emitted with it, tells."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "channel",
            "type": "pubkey"
          },
          {
            "name": "sequence",
            "type": "u64"
          },
          {
            "name": "calls",
            "docs": [
              "Cumulative, as the voucher says."
            ],
            "type": "u64"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "fee",
            "type": "u64"
          },
          {
            "name": "runningHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "remaining",
            "docs": [
              "What is left of the deposit."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "channelToppedUp",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "channel",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "deposit",
            "docs": [
              "The deposit after it."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "config",
      "docs": [
        "The singleton configuration. PDA `[SEED_CONFIG]`; it is also the token authority of the vaults."
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
            "name": "vaultBump",
            "type": "u8"
          },
          {
            "name": "stakeVaultBump",
            "type": "u8"
          },
          {
            "name": "authority",
            "docs": [
              "The admin role (`Role::Admin`): queues parameter changes, role changes and slashes, which",
              "wait `timelock_delay_secs`. In production a multisig or a DAO's PDA."
            ],
            "type": "pubkey"
          },
          {
            "name": "pendingAuthority",
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "treasury",
            "docs": [
              "Beneficiary of the protocol fee and of every rounding remainder."
            ],
            "type": "pubkey"
          },
          {
            "name": "mint",
            "docs": [
              "The OPEN mint, and the token program (Token or Token-2022) that owns it."
            ],
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "docs": [
              "The mint's decimals, for `transfer_checked`."
            ],
            "type": "u8"
          },
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "stakeVault",
            "type": "pubkey"
          },
          {
            "name": "protocolFeeBps",
            "docs": [
              "Share of every fee taken first for the treasury, at most `MAX_PROTOCOL_FEE_BPS`."
            ],
            "type": "u16"
          },
          {
            "name": "minOperatorStake",
            "docs": [
              "Stake an operator must keep (not counting stake waiting to be withdrawn) to be payable."
            ],
            "type": "u64"
          },
          {
            "name": "unstakeCooldownSecs",
            "type": "i64"
          },
          {
            "name": "epochLengthSecs",
            "docs": [
              "Proof of Attribution timing: epochs are `epoch_length_secs` long (aligned on the Unix",
              "epoch); an attestor posts a root within `root_deadline_secs` after an epoch ends; claims",
              "open `challenge_window_secs` after the root and stay open `claim_window_secs`."
            ],
            "type": "i64"
          },
          {
            "name": "rootDeadlineSecs",
            "type": "i64"
          },
          {
            "name": "challengeWindowSecs",
            "type": "i64"
          },
          {
            "name": "claimWindowSecs",
            "type": "i64"
          },
          {
            "name": "paused",
            "docs": [
              "Set and cleared by the guardian: no fee can be paid; claims and withdrawals keep working."
            ],
            "type": "bool"
          },
          {
            "name": "resolver",
            "docs": [
              "Decides challenges of posted roots (`epoch_challenge_end`): upholds or dismisses them. The",
              "admin at `config_init`; in production a multisig of its own."
            ],
            "type": "pubkey"
          },
          {
            "name": "challenge",
            "type": {
              "defined": {
                "name": "challengeParams"
              }
            }
          },
          {
            "name": "guardian",
            "docs": [
              "Pauses, vetoes posted roots, cancels queued actions (`Role::Guardian`). The admin at",
              "`config_init`; in production a fast multisig of its own."
            ],
            "type": "pubkey"
          },
          {
            "name": "pendingGuardian",
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "pendingResolver",
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "timelockDelaySecs",
            "docs": [
              "How long a queued admin action waits before anyone may execute it."
            ],
            "type": "i64"
          },
          {
            "name": "actionCount",
            "docs": [
              "How many actions were ever queued: the next one's id."
            ],
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                64
              ]
            }
          }
        ]
      }
    },
    {
      "name": "configInitArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "authority",
            "docs": [
              "The admin (may differ from the deployer that signs this); also the first guardian and",
              "resolver, until the admin hands those roles on (`GovernanceAction::SetRole`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "treasury",
            "type": "pubkey"
          },
          {
            "name": "protocolFeeBps",
            "type": "u16"
          },
          {
            "name": "minOperatorStake",
            "type": "u64"
          },
          {
            "name": "unstakeCooldownSecs",
            "type": "i64"
          },
          {
            "name": "epochTiming",
            "type": {
              "defined": {
                "name": "epochTiming"
              }
            }
          }
        ]
      }
    },
    {
      "name": "configInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "config",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "treasury",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "type": "pubkey"
          },
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "stakeVault",
            "type": "pubkey"
          },
          {
            "name": "protocolFeeBps",
            "type": "u16"
          },
          {
            "name": "minOperatorStake",
            "type": "u64"
          },
          {
            "name": "unstakeCooldownSecs",
            "type": "i64"
          },
          {
            "name": "epochTiming",
            "type": {
              "defined": {
                "name": "epochTiming"
              }
            }
          }
        ]
      }
    },
    {
      "name": "configUpdateArgs",
      "docs": [
        "Parameter changes; `None` leaves a field as it is. Bounds are those of `config_init`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "treasury",
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "protocolFeeBps",
            "type": {
              "option": "u16"
            }
          },
          {
            "name": "minOperatorStake",
            "type": {
              "option": "u64"
            }
          },
          {
            "name": "unstakeCooldownSecs",
            "type": {
              "option": "i64"
            }
          },
          {
            "name": "epochTiming",
            "docs": [
              "The root deadline and the windows apply to epochs opened from now on (an epoch keeps the",
              "timing it was opened with). The epoch length cannot change (`EpochLengthFixed`): epoch",
              "accounts are addressed by `now / epoch_length`, so a new length would land new epochs on",
              "old epochs' addresses."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "epochTiming"
                }
              }
            }
          },
          {
            "name": "challenge",
            "docs": [
              "Apply to roots posted and challenges opened from now on."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "challengeParams"
                }
              }
            }
          },
          {
            "name": "timelockDelaySecs",
            "docs": [
              "The timelock's delay for actions queued from now on (this change itself waits the current",
              "delay), within `TIMELOCK_DELAY_BOUNDS`."
            ],
            "type": {
              "option": "i64"
            }
          }
        ]
      }
    },
    {
      "name": "configUpdated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "treasury",
            "type": "pubkey"
          },
          {
            "name": "protocolFeeBps",
            "type": "u16"
          },
          {
            "name": "minOperatorStake",
            "type": "u64"
          },
          {
            "name": "unstakeCooldownSecs",
            "type": "i64"
          },
          {
            "name": "epochTiming",
            "type": {
              "defined": {
                "name": "epochTiming"
              }
            }
          },
          {
            "name": "paused",
            "type": "bool"
          },
          {
            "name": "resolver",
            "type": "pubkey"
          },
          {
            "name": "challenge",
            "type": {
              "defined": {
                "name": "challengeParams"
              }
            }
          },
          {
            "name": "timelockDelaySecs",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "contribution",
      "docs": [
        "One piece of content submitted to a datanet.",
        "PDA `[SEED_CONTRIBUTION, datanet, content_hash]`, so the same content cannot be submitted to",
        "the same datanet twice while the account exists."
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
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "docs": [
              "Who submitted it (or was handed it), receives its rent back and is paid for it."
            ],
            "type": "pubkey"
          },
          {
            "name": "contentHash",
            "docs": [
              "SHA-256 of the content."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "size",
            "docs": [
              "Content size in bytes, as declared by the contributor."
            ],
            "type": "u64"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "contributionStatus"
              }
            }
          },
          {
            "name": "weight",
            "docs": [
              "Attribution weight; above zero exactly when accepted."
            ],
            "type": "u64"
          },
          {
            "name": "rejectReason",
            "docs": [
              "The curator's reason code when rejected (its meaning is the datanet's own); 0 otherwise."
            ],
            "type": "u16"
          },
          {
            "name": "index",
            "docs": [
              "0-based order of submission within the datanet."
            ],
            "type": "u64"
          },
          {
            "name": "submittedAt",
            "type": "i64"
          },
          {
            "name": "decidedAt",
            "docs": [
              "When accepted or rejected; 0 while pending."
            ],
            "type": "i64"
          },
          {
            "name": "acceptedSeq",
            "docs": [
              "0-based order of acceptance within the datanet (meaningful once accepted). A version",
              "contains exactly the accepted contributions whose `accepted_seq` is below its `accepted_end`."
            ],
            "type": "u64"
          },
          {
            "name": "pendingContributor",
            "docs": [
              "Set by `contribution_transfer_propose`, cleared when accepted: the wallet the contributor",
              "hands the contribution (and what it earns) to."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "bond",
            "docs": [
              "OPEN base units of bond still in the bond vault for it: set at submission by the",
              "datanet's policy, zeroed when the bond is refunded or forfeited."
            ],
            "type": "u64"
          },
          {
            "name": "flaggableUntil",
            "docs": [
              "Until when (exclusive) the curator may flag it as spam once accepted: its acceptance plus",
              "the datanet's spam window, as it was then."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                8
              ]
            }
          },
          {
            "name": "uri",
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "contributionStatus",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "accepted"
          },
          {
            "name": "rejected"
          },
          {
            "name": "flagged"
          }
        ]
      }
    },
    {
      "name": "datanetVersion",
      "docs": [
        "An immutable, citable snapshot of a datanet's accepted contributions, taken on chain: it",
        "contains exactly the contributions accepted before it was published (`accepted_seq <",
        "accepted_end`), and their summed weight is fixed here for good. A fee paid to a model that",
        "cites this version is shared among exactly these contributions over `total_weight`.",
        "Versions are cumulative: a contribution stays in every later version.",
        "PDA `[SEED_DATANET_VERSION, datanet, number (u32 LE)]`; numbers start at 1."
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
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "number",
            "type": "u32"
          },
          {
            "name": "contributionsRoot",
            "docs": [
              "The curator's Merkle root over the manifest of the contributions this version contains",
              "(computed off chain; what Proof of Attribution indexes)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "contributionCount",
            "docs": [
              "How many contributions it contains: the accepted ones with `accepted_seq < accepted_end`",
              "(none flagged as spam)."
            ],
            "type": "u64"
          },
          {
            "name": "acceptedEnd",
            "docs": [
              "The datanet's count of acceptances when the version was published."
            ],
            "type": "u64"
          },
          {
            "name": "totalWeight",
            "docs": [
              "The summed weight of the contributions it contains: every share of a fee paid to this",
              "version is divided by it."
            ],
            "type": "u64"
          },
          {
            "name": "publishedAt",
            "type": "i64"
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
            "name": "uri",
            "docs": [
              "Where the version's manifest (the list of contributions) is published."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "earnings",
      "docs": [
        "What a wallet earned in one role and has not claimed yet.",
        "PDA `[SEED_EARNINGS, beneficiary, role]`; created only there, by `earnings_init`."
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
            "name": "beneficiary",
            "type": "pubkey"
          },
          {
            "name": "role",
            "type": {
              "defined": {
                "name": "earningsRole"
              }
            }
          },
          {
            "name": "balance",
            "docs": [
              "Claimable now."
            ],
            "type": "u64"
          },
          {
            "name": "totalEarned",
            "type": "u64"
          },
          {
            "name": "totalClaimed",
            "type": "u64"
          },
          {
            "name": "pendingBeneficiary",
            "docs": [
              "Set by `earnings_transfer_propose`, cleared when accepted (the account then closes)."
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
          }
        ]
      }
    },
    {
      "name": "earningsClaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "earnings",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "type": "pubkey"
          },
          {
            "name": "role",
            "type": {
              "defined": {
                "name": "earningsRole"
              }
            }
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "totalClaimed",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "earningsInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "earnings",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "type": "pubkey"
          },
          {
            "name": "role",
            "type": {
              "defined": {
                "name": "earningsRole"
              }
            }
          }
        ]
      }
    },
    {
      "name": "earningsRole",
      "docs": [
        "The capacity in which a wallet earns. One `Earnings` account per (wallet, role), so that a",
        "model owner who also operates, or a treasury that also builds, never needs the same account",
        "twice in one payment."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "treasury"
          },
          {
            "name": "modelOwner"
          },
          {
            "name": "operator"
          }
        ]
      }
    },
    {
      "name": "earningsTransferred",
      "docs": [
        "The successor accepted an earnings account: its balance moved into the successor's own",
        "earnings account of the same role, and the old account closed (rent to its beneficiary)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "from",
            "type": "pubkey"
          },
          {
            "name": "to",
            "type": "pubkey"
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "type": "pubkey"
          },
          {
            "name": "role",
            "type": {
              "defined": {
                "name": "earningsRole"
              }
            }
          },
          {
            "name": "amount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "emptyAccountClosed",
      "docs": [
        "An empty earnings account or stake closed; its rent went back to its holder."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "account",
            "type": "pubkey"
          },
          {
            "name": "holder",
            "type": "pubkey"
          },
          {
            "name": "rentReturned",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "epoch",
      "docs": [
        "One model's Proof of Attribution epoch: what its proof-attributed lineage entry earned from",
        "`starts_at` to `ends_at`, the running hash of the payments, then the attestor's allocation.",
        "PDA `[SEED_EPOCH, model, index (u64 LE)]`; created only there, by `epoch_open`."
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
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "startsAt",
            "type": "i64"
          },
          {
            "name": "endsAt",
            "type": "i64"
          },
          {
            "name": "datanet",
            "docs": [
              "The proof-attributed entry's datanet."
            ],
            "type": "pubkey"
          },
          {
            "name": "datanetVersion",
            "docs": [
              "The version the entry cites: its pool receives what the epoch does not attribute."
            ],
            "type": "pubkey"
          },
          {
            "name": "acceptedEnd",
            "docs": [
              "That version's bound, copied from its pool when the root is posted: a leaf is paid only",
              "to a contribution accepted with `accepted_seq` below it."
            ],
            "type": "u64"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "epochStatus"
              }
            }
          },
          {
            "name": "accrued",
            "docs": [
              "Credited by `inference_pay`."
            ],
            "type": "u64"
          },
          {
            "name": "recordCount",
            "type": "u64"
          },
          {
            "name": "recordsHash",
            "docs": [
              "h_0 = 0; h_i = sha256(h_{i−1} ‖ request id ‖ output hash ‖ amount (u64 LE)) over the",
              "epoch's payments, in order (`poa_merkle`)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "root",
            "docs": [
              "The attestor's Merkle root over (model, epoch, contribution, amount) leaves."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "total",
            "docs": [
              "What the root allocates (≤ accrued); the rest went to the pool when it was posted."
            ],
            "type": "u64"
          },
          {
            "name": "leafCount",
            "type": "u64"
          },
          {
            "name": "claimed",
            "type": "u64"
          },
          {
            "name": "returned",
            "docs": [
              "Sent to the datanet's pool: the unallocated part, a release, or the unclaimed rest at close."
            ],
            "type": "u64"
          },
          {
            "name": "postedAt",
            "type": "i64"
          },
          {
            "name": "claimsOpenAt",
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "type": "i64"
          },
          {
            "name": "rentPayer",
            "docs": [
              "Paid the account's rent; gets it back at close."
            ],
            "type": "pubkey"
          },
          {
            "name": "rootDeadlineAt",
            "docs": [
              "The timing, fixed when the epoch opened (a later `config_update` applies to later epochs):",
              "the attestor may post until `root_deadline_at`; a posted root's claims open",
              "`challenge_window_secs` after it and stay open `claim_window_secs`."
            ],
            "type": "i64"
          },
          {
            "name": "challengeWindowSecs",
            "type": "i64"
          },
          {
            "name": "claimWindowSecs",
            "type": "i64"
          },
          {
            "name": "inputsHash",
            "docs": [
              "sha256 of the attestation the root was computed from (engine version, parameters, index",
              "files' hashes, every record with its output: `attribution poa epoch --publish`), published",
              "where the post's `AttributionRootPosted::inputs_uri` says: anyone holding it reruns the",
              "engine and gets `root` (`attribution poa verify`)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                8
              ]
            }
          }
        ]
      }
    },
    {
      "name": "epochChallengeEnded",
      "docs": [
        "A challenge ended: `to_challenger` paid to the challenger (its bond, and its reward when",
        "upheld); `slashed_to_pool` of the attestor's bond and `returned` of the epoch's fees credited",
        "to the version's pool; `attestor_bond` is what the epoch still holds for the attestor."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "challenger",
            "type": "pubkey"
          },
          {
            "name": "outcome",
            "type": {
              "defined": {
                "name": "challengeOutcome"
              }
            }
          },
          {
            "name": "toChallenger",
            "type": "u64"
          },
          {
            "name": "slashedToPool",
            "type": "u64"
          },
          {
            "name": "returned",
            "type": "u64"
          },
          {
            "name": "attestorBond",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "epochChallenged",
      "docs": [
        "A challenger disputes a posted root (`disputed`: a leaf, or the contribution a missing leaf",
        "would name), bonding `bond`; claims wait for the resolver until `resolve_by`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "challenger",
            "type": "pubkey"
          },
          {
            "name": "bond",
            "type": "u64"
          },
          {
            "name": "disputed",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "resolveBy",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "epochOpened",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "startsAt",
            "type": "i64"
          },
          {
            "name": "endsAt",
            "type": "i64"
          },
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "datanetVersion",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "epochReleased",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "closed",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "epochStatus",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "open"
          },
          {
            "name": "posted"
          },
          {
            "name": "released"
          },
          {
            "name": "challenged"
          }
        ]
      }
    },
    {
      "name": "epochTiming",
      "docs": [
        "The Proof of Attribution timing parameters, in seconds (bounds in `constants`)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epochLengthSecs",
            "type": "i64"
          },
          {
            "name": "rootDeadlineSecs",
            "type": "i64"
          },
          {
            "name": "challengeWindowSecs",
            "type": "i64"
          },
          {
            "name": "claimWindowSecs",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "escrow",
      "docs": [
        "What downstream models have paid an upstream model, waiting for `escrow_distribute` to apply",
        "that model's own split. PDA `[SEED_ESCROW, model]`; created only there, by `escrow_init`."
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
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "balance",
            "docs": [
              "Waiting to be distributed."
            ],
            "type": "u64"
          },
          {
            "name": "totalReceived",
            "type": "u64"
          },
          {
            "name": "totalDistributed",
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "escrowDistributed",
      "docs": [
        "An upstream model's escrow split by that model's own lineage."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "escrow",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "dust",
            "type": "u64"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "ownerAmount",
            "docs": [
              "The owner's share and the operator share (no operator executes an upstream hop)."
            ],
            "type": "u64"
          },
          {
            "name": "lineage",
            "type": {
              "vec": {
                "defined": {
                  "name": "lineageCredit"
                }
              }
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
      "name": "escrowInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "escrow",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "governanceAction",
      "docs": [
        "What an admin action does once its delay has passed."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "update",
            "fields": [
              {
                "name": "change",
                "type": {
                  "defined": {
                    "name": "configUpdateArgs"
                  }
                }
              }
            ]
          },
          {
            "name": "setRole",
            "fields": [
              {
                "name": "role",
                "type": {
                  "defined": {
                    "name": "role"
                  }
                }
              },
              {
                "name": "key",
                "type": "pubkey"
              }
            ]
          },
          {
            "name": "slash",
            "fields": [
              {
                "name": "stake",
                "type": "pubkey"
              },
              {
                "name": "amount",
                "type": "u64"
              },
              {
                "name": "reason",
                "type": "u16"
              }
            ]
          }
        ]
      }
    },
    {
      "name": "handoverAccepted",
      "docs": [
        "The successor accepted a stake: it is its authority from now on."
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
        "A stake's or an earnings account's holder named its successor (`None`: cancelled)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "account",
            "docs": [
              "The stake or earnings account."
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
      "name": "inferencePaid",
      "docs": [
        "The whole breakdown of one inference fee: who contributed, who refined, who executed, who",
        "earned. `protocol_fee + dust + owner_amount + operator_amount + Σ lineage.amount == fee`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": "pubkey"
          },
          {
            "name": "requestId",
            "docs": [
              "The caller's id of the request (a label: callers may repeat it); with a proof-attributed",
              "entry it enters the epoch's records hash with `output_hash` and the entry's amount."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "outputHash",
            "docs": [
              "sha256 of what the calls returned, as the payer committed it."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "payer",
            "type": "pubkey"
          },
          {
            "name": "operator",
            "type": "pubkey"
          },
          {
            "name": "calls",
            "type": "u64"
          },
          {
            "name": "pricePerCall",
            "type": "u64"
          },
          {
            "name": "fee",
            "type": "u64"
          },
          {
            "name": "protocolFee",
            "type": "u64"
          },
          {
            "name": "dust",
            "docs": [
              "Rounding remainder, credited to the treasury with the protocol fee."
            ],
            "type": "u64"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "ownerAmount",
            "type": "u64"
          },
          {
            "name": "operatorAmount",
            "type": "u64"
          },
          {
            "name": "lineage",
            "docs": [
              "One credit per lineage entry, in order; a proof-attributed entry's goes to the epoch."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "lineageCredit"
                }
              }
            }
          },
          {
            "name": "epoch",
            "docs": [
              "The epoch credited (its index), when the model has a proof-attributed entry."
            ],
            "type": {
              "option": "u64"
            }
          },
          {
            "name": "record",
            "docs": [
              "The payment's record number in that epoch (from 0): the record's id, which the chain",
              "assigns, so two payments never share one whatever their request ids."
            ],
            "type": {
              "option": "u64"
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
      "name": "inferencePayArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "calls",
            "docs": [
              "Number of inference calls paid for; above zero."
            ],
            "type": "u64"
          },
          {
            "name": "maxFee",
            "docs": [
              "The most the payer accepts to pay (the price can change until the transaction lands)."
            ],
            "type": "u64"
          },
          {
            "name": "requestId",
            "docs": [
              "The caller's id of the request (e.g. a hash of the prompt and time). For a model with a",
              "proof-attributed entry it enters the epoch's records hash, which an attestor's root must",
              "match, so the set of payments an allocation covers can be checked against the chain."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "outputHash",
            "docs": [
              "sha256 of what the calls returned (`poa_merkle::output_hash`). For a model with a",
              "proof-attributed entry it enters the epoch's records hash with the request id, so an",
              "attestor can only attribute the outputs the payer committed to; zero when there is none."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "lineageCredit",
      "docs": [
        "Where one lineage entry's share of a payment went: the datanet's pool (`[pool, target]`) or",
        "the upstream model's escrow (`[escrow, target]`)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "target",
            "docs": [
              "The datanet or upstream model of the entry."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
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
      "name": "pauseSet",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "guardian",
            "type": "pubkey"
          },
          {
            "name": "paused",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "pool",
      "docs": [
        "The reward pool of one published datanet version: the classic reward-per-weight accumulator",
        "over a membership and a total weight that were fixed when the version was published. Every",
        "credit is divided among exactly the version's contributions, so a fee costs the same whether",
        "it has one contribution or a million, nothing ever waits for \"the next enrolment\", and no",
        "weight can join after the fact. PDA `[SEED_POOL, datanet_version]`; created only there, by",
        "`pool_init`."
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
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "datanetVersion",
            "type": "pubkey"
          },
          {
            "name": "acceptedEnd",
            "docs": [
              "The version's contributions are those accepted with `accepted_seq < accepted_end`."
            ],
            "type": "u64"
          },
          {
            "name": "totalWeight",
            "docs": [
              "The version's summed weight, copied at `pool_init`; never changes, above zero."
            ],
            "type": "u64"
          },
          {
            "name": "enrolledWeight",
            "docs": [
              "Weight of the positions opened so far (at most `total_weight`); informational."
            ],
            "type": "u64"
          },
          {
            "name": "positions",
            "type": "u64"
          },
          {
            "name": "rewardPerWeight",
            "docs": [
              "Rewards per unit of weight since the pool began, scaled by 2^64."
            ],
            "type": "u128"
          },
          {
            "name": "carry",
            "docs": [
              "The remainder of the last accumulator division, in 2^-64 token units, carried forward."
            ],
            "type": "u64"
          },
          {
            "name": "totalCredited",
            "type": "u64"
          },
          {
            "name": "totalClaimed",
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                64
              ]
            }
          }
        ]
      }
    },
    {
      "name": "poolInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "datanetVersion",
            "type": "pubkey"
          },
          {
            "name": "totalWeight",
            "docs": [
              "The version's fixed summed weight: the denominator of every credit to the pool."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "position",
      "docs": [
        "A contribution's share of one datanet version's pool: its weight, and where in the",
        "accumulator it last claimed. Since the version's membership was fixed before any credit, a",
        "position opened late starts from the pool's beginning (checkpoint 0): nothing credited to",
        "the version is lost by enrolling late. PDA `[SEED_POSITION, pool, contribution]`; created",
        "only there, by `position_enroll`."
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
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "docs": [
              "The contributor: the only one who can claim."
            ],
            "type": "pubkey"
          },
          {
            "name": "weight",
            "docs": [
              "The contribution's accepted weight, copied at enrolment (weights never change)."
            ],
            "type": "u64"
          },
          {
            "name": "rewardCheckpoint",
            "docs": [
              "The pool's `reward_per_weight` at the position's last claim (0 before the first)."
            ],
            "type": "u128"
          },
          {
            "name": "fraction",
            "docs": [
              "The part of a token unit accrued but not yet paid (low 64 bits), carried to the next claim."
            ],
            "type": "u64"
          },
          {
            "name": "totalClaimed",
            "type": "u64"
          },
          {
            "name": "enrolledAt",
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "positionClaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "totalClaimed",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "positionEnrolled",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "type": "pubkey"
          },
          {
            "name": "weight",
            "type": "u64"
          },
          {
            "name": "poolEnrolledWeight",
            "docs": [
              "Weight of the pool's positions so far, of the version's fixed total."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "positionSynced",
      "docs": [
        "A position now pays its contribution's new contributor."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "beneficiary",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "receipt",
      "docs": [
        "A contribution's leaf of `epoch` was paid (`amount`, to its contributor then: the",
        "`AttributionClaimed` event names the wallet); its existence makes a second claim fail.",
        "PDA `[SEED_RECEIPT, epoch, contribution]`."
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
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "rentPayer",
            "docs": [
              "Paid the account's rent; gets it back when the receipt is closed after the epoch."
            ],
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "receiptClosed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "receipt",
            "type": "pubkey"
          },
          {
            "name": "epoch",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "rentReturned",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "role",
      "docs": [
        "The config's roles. Each is any signer (a wallet, a multisig vault, a DAO's PDA) and changes",
        "hands in two steps: the admin queues `GovernanceAction::SetRole`, and after the timelock the",
        "named key accepts (`role_accept`)."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "admin"
          },
          {
            "name": "guardian"
          },
          {
            "name": "resolver"
          }
        ]
      }
    },
    {
      "name": "roleAccepted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "role",
            "type": {
              "defined": {
                "name": "role"
              }
            }
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "holder",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "stake",
      "docs": [
        "An operator's stake in the stake vault. PDA `[SEED_STAKE, first authority]`; created only",
        "there, by `stake_init`. Handed over with the operator (`stake_authority_propose`/`_accept`)."
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
              "The operator's wallet (its `model_registry` Operator's authority)."
            ],
            "type": "pubkey"
          },
          {
            "name": "active",
            "docs": [
              "Counts toward the minimum that makes the operator payable."
            ],
            "type": "u64"
          },
          {
            "name": "unstaking",
            "docs": [
              "Requested for withdrawal; no longer counts; withdrawable from `unlock_at`."
            ],
            "type": "u64"
          },
          {
            "name": "unlockAt",
            "type": "i64"
          },
          {
            "name": "pendingAuthority",
            "docs": [
              "Set by `stake_authority_propose`, cleared when accepted."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "locked",
            "docs": [
              "What queued slashes name (`GovernanceAction::Slash`): the withdrawal must leave this much."
            ],
            "type": "u64"
          },
          {
            "name": "slashableUntil",
            "docs": [
              "The stake posted a Proof of Attribution root: nothing is withdrawn before that epoch's",
              "challenge window and any challenge's resolution are over, whatever the config says later."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "stakeChange",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "deposit"
          },
          {
            "name": "unstakeRequest"
          },
          {
            "name": "withdraw"
          }
        ]
      }
    },
    {
      "name": "stakeChanged",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Deposited (+), requested for unstaking, or withdrawn, by this change."
            ],
            "type": "u64"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "stakeChange"
              }
            }
          },
          {
            "name": "active",
            "type": "u64"
          },
          {
            "name": "unstaking",
            "type": "u64"
          },
          {
            "name": "unlockAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "stakeInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "stakeSlashed",
      "docs": [
        "Governance took `amount` of an operator's stake for the treasury's earnings."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "docs": [
              "The operator's wallet."
            ],
            "type": "pubkey"
          },
          {
            "name": "action",
            "docs": [
              "The queued action it executed."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "reason",
            "type": "u16"
          },
          {
            "name": "active",
            "type": "u64"
          },
          {
            "name": "unstaking",
            "type": "u64"
          },
          {
            "name": "treasury",
            "docs": [
              "Whose Treasury earnings were credited."
            ],
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "voucher",
      "docs": [
        "What a channel's signer signs after each call: cumulative calls and amount so far, a running",
        "hash of the calls' (request id, output hash) pairs, and a sequence number that only grows."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "sequence",
            "type": "u64"
          },
          {
            "name": "calls",
            "type": "u64"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "runningHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    }
  ]
};

/** idls/attribution_payout.json as committed (snake_case): `Program` converts it itself. */
export const attributionPayoutIdlJson = {"address":"AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU","metadata":{"name":"attribution_payout","version":"0.1.0","spec":"0.1.0","description":"OPEN config, vaults, reward pools, earnings and stakes: who earned, and who may withdraw it"},"instructions":[{"name":"action_cancel","docs":["The admin or the guardian cancels a queued action."],"discriminator":[165,127,24,237,108,63,49,38],"accounts":[{"name":"config"},{"name":"signer","signer":true},{"name":"action","writable":true},{"name":"proposer","writable":true,"relations":["action"]},{"name":"stake","docs":["The stake a cancelled slash named, unlocked; absent for other actions."],"writable":true,"optional":true}],"args":[]},{"name":"action_execute","docs":["Anyone executes a queued parameter or role change once its delay has passed."],"discriminator":[55,79,5,163,75,133,76,139],"accounts":[{"name":"config","writable":true},{"name":"action","writable":true},{"name":"proposer","writable":true,"relations":["action"]}],"args":[]},{"name":"action_queue","docs":["The admin queues a parameter change, a role change or a slash; it waits the timelock."],"discriminator":[190,86,227,54,174,78,36,122],"accounts":[{"name":"config","writable":true},{"name":"authority","writable":true,"signer":true,"relations":["config"]},{"name":"action","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,99,116,105,111,110]},{"kind":"account","path":"config.action_count","account":"Config"}]}},{"name":"stake","docs":["The stake a slash names; absent for other actions."],"writable":true,"optional":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"action","type":{"defined":{"name":"GovernanceAction"}}}]},{"name":"attestation_close","docs":["Pays the attestor what is left of its bond and closes its attestation (rent back to it),","once claims are open with no challenge pending, or once the epoch was released","(permissionless)."],"discriminator":[52,111,20,241,79,254,116,131],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"epoch"},{"name":"attestation","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,97,116,105,111,110]},{"kind":"account","path":"epoch"}]}},{"name":"attestor","writable":true,"relations":["attestation"]},{"name":"attestor_token","writable":true},{"name":"token_program","relations":["config"]}],"args":[]},{"name":"attribution_claim","docs":["Pays a contribution its leaf of an epoch's root, with a Merkle proof, into its contributor's","account (permissionless crank)."],"discriminator":[26,200,19,219,10,82,220,176],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"epoch","writable":true},{"name":"contribution"},{"name":"destination","writable":true},{"name":"receipt","writable":true,"pda":{"seeds":[{"kind":"const","value":[114,101,99,101,105,112,116]},{"kind":"account","path":"epoch"},{"kind":"account","path":"contribution"}]}},{"name":"cranker","writable":true,"signer":true},{"name":"token_program","relations":["config"]},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"AttributionClaimArgs"}}}]},{"name":"attribution_release","docs":["Sends an epoch without a root by its deadline to the datanet's pool (permissionless)."],"discriminator":[35,236,2,135,31,240,116,231],"accounts":[{"name":"epoch","writable":true},{"name":"pool","writable":true}],"args":[]},{"name":"attribution_root_post","docs":["The model's staked attestor posts an ended epoch's allocation root (once, before the deadline)."],"discriminator":[60,207,136,173,206,170,109,163],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"model","relations":["epoch"]},{"name":"epoch","writable":true},{"name":"attestor","writable":true,"signer":true},{"name":"attestor_stake","docs":["Answers for the root: no withdrawal until its challenge window and any challenge are over."],"writable":true},{"name":"pool","writable":true},{"name":"attestor_token","docs":["attestor, who signs, to own it (or be its delegate) in the transfer."],"writable":true},{"name":"attestor_approval","docs":["`AttestorApproval` PDA for the epoch's datanet); it must exist (`validate`)."],"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,111,114,95,97,112,112,114,111,118,97,108]},{"kind":"account","path":"epoch.datanet","account":"Epoch"},{"kind":"account","path":"attestor"}],"program":{"kind":"const","value":[183,29,92,149,183,73,24,33,27,41,39,206,182,57,9,203,193,137,217,16,216,83,156,197,116,77,86,93,84,7,16,228]}}},{"name":"attestation","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,97,116,105,111,110]},{"kind":"account","path":"epoch"}]}},{"name":"token_program","relations":["config"]},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"AttributionRootPostArgs"}}}]},{"name":"attribution_root_veto","docs":["Governance strikes down a posted root during the challenge window: the epoch's balance goes","to the datanet's pool and the epoch ends as released."],"discriminator":[122,6,217,39,3,199,46,245],"accounts":[{"name":"config"},{"name":"guardian","signer":true,"relations":["config"]},{"name":"epoch","writable":true},{"name":"pool","writable":true}],"args":[{"name":"reason","type":"u16"}]},{"name":"channel_close","docs":["After the settle deadline, the rest of the deposit and the rent go back to the payer","(permissionless)."],"discriminator":[9,95,236,231,220,80,107,188],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"channel","writable":true},{"name":"payer","writable":true,"relations":["channel"]},{"name":"payer_token","writable":true},{"name":"token_program","relations":["config"]}],"args":[]},{"name":"channel_close_request","docs":["The payer starts closing a channel (revoking its agent): the operator settles within a","dispute window, then the rest goes back."],"discriminator":[209,212,89,236,125,42,35,219],"accounts":[{"name":"payer","signer":true,"relations":["channel"]},{"name":"channel","writable":true}],"args":[]},{"name":"channel_open","docs":["Opens a payment channel: the payer's deposit for one model and one operator, spent by","vouchers its signer (the payer or an agent) signs."],"discriminator":[161,19,223,17,48,136,3,113],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"payer","writable":true,"signer":true},{"name":"payer_token","docs":["transfer, which `payer` signs."],"writable":true},{"name":"model"},{"name":"operator"},{"name":"channel","writable":true,"pda":{"seeds":[{"kind":"const","value":[99,104,97,110,110,101,108]},{"kind":"account","path":"payer"},{"kind":"arg","path":"args.id"}]}},{"name":"token_program","relations":["config"]},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"ChannelOpenArgs"}}}]},{"name":"channel_settle","docs":["The channel's operator redeems the newest voucher (Ed25519-verified in the same","transaction) and the difference is split as `inference_pay` splits a fee.","Remaining accounts: as for `inference_pay`."],"discriminator":[48,71,149,146,89,90,89,38],"accounts":[{"name":"config"},{"name":"channel","writable":true},{"name":"model","relations":["channel"]},{"name":"operator","relations":["channel"]},{"name":"operator_authority","signer":true},{"name":"operator_stake"},{"name":"treasury_earnings","writable":true},{"name":"owner_earnings","writable":true},{"name":"operator_earnings","writable":true},{"name":"instructions","address":"Sysvar1nstructions1111111111111111111111111"}],"args":[{"name":"voucher","type":{"defined":{"name":"Voucher"}}}]},{"name":"channel_top_up","docs":["Adds to an open channel's deposit (its payer)."],"discriminator":[213,73,79,237,143,8,203,38],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"payer","signer":true,"relations":["channel"]},{"name":"payer_token","writable":true},{"name":"channel","writable":true},{"name":"token_program","relations":["config"]}],"args":[{"name":"amount","type":"u64"}]},{"name":"config_init","docs":["Adopts the OPEN mint and creates the config and the vaults (upgrade authority only)."],"discriminator":[13,236,164,173,106,253,164,185],"accounts":[{"name":"config","writable":true,"pda":{"seeds":[{"kind":"const","value":[99,111,110,102,105,103]}]}},{"name":"vault","docs":["config."],"writable":true,"pda":{"seeds":[{"kind":"const","value":[118,97,117,108,116]}]}},{"name":"stake_vault","writable":true,"pda":{"seeds":[{"kind":"const","value":[115,116,97,107,101,95,118,97,117,108,116]}]}},{"name":"mint"},{"name":"deployer","writable":true,"signer":true},{"name":"program","address":"AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU"},{"name":"program_data"},{"name":"token_program"},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"ConfigInitArgs"}}}]},{"name":"config_pause","docs":["The guardian pauses payments or lifts the pause."],"discriminator":[217,42,85,11,91,202,36,130],"accounts":[{"name":"config","writable":true},{"name":"guardian","signer":true,"relations":["config"]}],"args":[{"name":"paused","type":"bool"}]},{"name":"earnings_claim","docs":["A beneficiary claims its earnings balance."],"discriminator":[15,125,119,17,170,128,175,83],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"earnings","writable":true},{"name":"beneficiary","signer":true,"relations":["earnings"]},{"name":"destination","writable":true},{"name":"token_program","relations":["config"]}],"args":[]},{"name":"earnings_close","docs":["Closes an earnings account with nothing to claim (not the treasury's); rent to its","beneficiary."],"discriminator":[63,91,54,74,199,184,85,39],"accounts":[{"name":"config"},{"name":"earnings","writable":true},{"name":"beneficiary","writable":true,"signer":true,"relations":["earnings"]}],"args":[]},{"name":"earnings_init","docs":["Creates `beneficiary`'s earnings account for `role` (permissionless)."],"discriminator":[86,27,114,208,38,81,1,38],"accounts":[{"name":"earnings","writable":true,"pda":{"seeds":[{"kind":"const","value":[101,97,114,110,105,110,103,115]},{"kind":"arg","path":"beneficiary"},{"kind":"arg","path":"role"}]}},{"name":"payer","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"beneficiary","type":"pubkey"},{"name":"role","type":{"defined":{"name":"EarningsRole"}}}]},{"name":"earnings_transfer_accept","docs":["The successor takes the balance into its own earnings account of the same role; the old","account closes, its rent back to the previous beneficiary."],"discriminator":[203,129,97,150,120,99,216,14],"accounts":[{"name":"config"},{"name":"earnings","writable":true},{"name":"successor_earnings","docs":["The successor's own earnings account of the same role (`earnings_init` creates it)."],"writable":true},{"name":"previous_beneficiary","writable":true},{"name":"new_beneficiary","signer":true}],"args":[]},{"name":"earnings_transfer_propose","docs":["An earnings account's beneficiary names its successor (or cancels with `None`)."],"discriminator":[27,254,17,194,29,124,156,133],"accounts":[{"name":"earnings","writable":true},{"name":"beneficiary","signer":true,"relations":["earnings"]}],"args":[{"name":"new_beneficiary","type":{"option":"pubkey"}}]},{"name":"epoch_challenge","docs":["Anyone disputes a posted root within its challenge window, bonding `challenge_bond`:","claims wait for the resolver."],"discriminator":[57,8,146,211,36,207,11,174],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"epoch","writable":true},{"name":"attestation","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,97,116,105,111,110]},{"kind":"account","path":"epoch"}]}},{"name":"challenger","signer":true},{"name":"challenger_token","docs":["challenger, who signs, to own it (or be its delegate) in the transfer."],"writable":true},{"name":"token_program","relations":["config"]}],"args":[{"name":"disputed","type":{"array":["u8",32]}}]},{"name":"epoch_challenge_end","docs":["Ends a challenge: the resolver upholds or dismisses it before its deadline; after it,","anyone ends it as expired (the static fallback, both bonds back)."],"discriminator":[130,35,172,149,55,255,181,6],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"epoch","writable":true},{"name":"attestation","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,97,116,105,111,110]},{"kind":"account","path":"epoch"}]}},{"name":"pool","writable":true},{"name":"challenger_token","writable":true},{"name":"signer","docs":["The resolver deciding, or anyone once the resolver's deadline has passed."],"signer":true},{"name":"token_program","relations":["config"]}],"args":[{"name":"outcome","type":{"defined":{"name":"ChallengeOutcome"}}}]},{"name":"epoch_close","docs":["Closes an expired or released epoch: the unclaimed rest to the pool, rent to its payer."],"discriminator":[204,177,225,255,117,166,83,81],"accounts":[{"name":"epoch","writable":true},{"name":"pool","writable":true},{"name":"rent_payer","writable":true,"relations":["epoch"]},{"name":"attestation","pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,97,116,105,111,110]},{"kind":"account","path":"epoch"}]}}],"args":[]},{"name":"epoch_open","docs":["Opens the current Proof of Attribution epoch of a model (permissionless, idempotent)."],"discriminator":[28,220,36,113,160,149,243,188],"accounts":[{"name":"config"},{"name":"model"},{"name":"epoch","writable":true,"pda":{"seeds":[{"kind":"const","value":[101,112,111,99,104]},{"kind":"account","path":"model"},{"kind":"arg","path":"index"}]}},{"name":"payer","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"index","type":"u64"}]},{"name":"escrow_distribute","docs":["Splits an upstream model's escrow by that model's lineage (permissionless crank).","Remaining accounts: as for `inference_pay`, for the escrow's model."],"discriminator":[130,202,39,127,212,7,91,213],"accounts":[{"name":"config"},{"name":"escrow","writable":true},{"name":"model","relations":["escrow"]},{"name":"treasury_earnings","writable":true},{"name":"owner_earnings","writable":true}],"args":[]},{"name":"escrow_init","docs":["Creates a model's escrow, through which downstream models pay it (permissionless)."],"discriminator":[11,31,91,199,154,124,137,116],"accounts":[{"name":"model"},{"name":"escrow","writable":true,"pda":{"seeds":[{"kind":"const","value":[101,115,99,114,111,119]},{"kind":"account","path":"model"}]}},{"name":"payer","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[]},{"name":"inference_pay","docs":["Pays `price × calls` for a model (at most `max_fee`) and splits it by the frozen lineage.","Remaining accounts: one pool (datanet entry) or escrow (model entry) per lineage entry."],"discriminator":[150,108,220,6,147,202,151,150],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"payer","signer":true},{"name":"payer_token","docs":["payer to own it (or be its delegate) in the transfer, which `payer` signs."],"writable":true},{"name":"model"},{"name":"operator","docs":["The operator that served the calls."]},{"name":"operator_authority","docs":["The operator's authority co-signs the payment: \"who executed\" and the output hash it","served are its word, not the payer's (a payer cannot name an operator that did not serve","it, nor commit an output the operator did not return)."],"signer":true},{"name":"operator_stake"},{"name":"treasury_earnings","writable":true},{"name":"owner_earnings","writable":true},{"name":"operator_earnings","writable":true},{"name":"token_program","relations":["config"]}],"args":[{"name":"args","type":{"defined":{"name":"InferencePayArgs"}}}]},{"name":"pool_init","docs":["Creates the reward pool of a published datanet version (permissionless)."],"discriminator":[101,32,173,233,127,225,198,71],"accounts":[{"name":"datanet_version"},{"name":"pool","writable":true,"pda":{"seeds":[{"kind":"const","value":[112,111,111,108]},{"kind":"account","path":"datanet_version"}]}},{"name":"payer","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[]},{"name":"position_claim","docs":["The contributor claims what any number of its positions accrued, in one transfer.","Remaining accounts: (position, pool) pairs."],"discriminator":[150,127,74,21,61,229,245,9],"accounts":[{"name":"config"},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"beneficiary","signer":true},{"name":"destination","writable":true},{"name":"token_program","relations":["config"]}],"args":[]},{"name":"position_enroll","docs":["Opens a contribution's position in the pool of a version that contains it (permissionless;","late costs nothing)."],"discriminator":[223,183,146,254,110,6,32,59],"accounts":[{"name":"pool","writable":true},{"name":"contribution"},{"name":"position","writable":true,"pda":{"seeds":[{"kind":"const","value":[112,111,115,105,116,105,111,110]},{"kind":"account","path":"pool"},{"kind":"account","path":"contribution"}]}},{"name":"payer","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[]},{"name":"position_sync","docs":["Points a position at its contribution's current contributor, after a handover","(permissionless)."],"discriminator":[231,203,57,61,132,119,182,167],"accounts":[{"name":"position","writable":true},{"name":"contribution","relations":["position"]}],"args":[]},{"name":"receipt_close","docs":["Closes a receipt of a closed epoch, rent to its payer (permissionless)."],"discriminator":[84,149,154,242,255,58,6,163],"accounts":[{"name":"receipt","writable":true},{"name":"epoch","relations":["receipt"]},{"name":"rent_payer","writable":true,"relations":["receipt"]}],"args":[]},{"name":"role_accept","docs":["The key a queued role change named takes the role over."],"discriminator":[199,210,225,231,137,142,10,148],"accounts":[{"name":"config","writable":true},{"name":"new_holder","signer":true}],"args":[{"name":"role","type":{"defined":{"name":"Role"}}}]},{"name":"stake_authority_accept","docs":["The proposed wallet becomes the stake's authority (with the operator's, see model_registry)."],"discriminator":[8,24,207,111,241,9,53,25],"accounts":[{"name":"stake","writable":true},{"name":"new_authority","signer":true}],"args":[]},{"name":"stake_authority_propose","docs":["A stake's authority names its successor (or cancels with `None`)."],"discriminator":[117,144,103,98,4,136,2,78],"accounts":[{"name":"stake","writable":true},{"name":"authority","signer":true,"relations":["stake"]}],"args":[{"name":"new_authority","type":{"option":"pubkey"}}]},{"name":"stake_close","docs":["Closes a stake with nothing staked or unstaking; rent to its authority."],"discriminator":[206,22,98,49,70,38,130,166],"accounts":[{"name":"stake","writable":true},{"name":"authority","writable":true,"signer":true,"relations":["stake"]}],"args":[]},{"name":"stake_deposit","docs":["Adds OPEN to the signer's active stake."],"discriminator":[75,168,115,239,194,115,22,98],"accounts":[{"name":"config"},{"name":"stake_vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"stake","writable":true},{"name":"authority","signer":true,"relations":["stake"]},{"name":"source","docs":["transfer, which `authority` signs."],"writable":true},{"name":"token_program","relations":["config"]}],"args":[{"name":"amount","type":"u64"}]},{"name":"stake_init","docs":["Creates the signer's stake account."],"discriminator":[137,167,22,241,128,110,12,105],"accounts":[{"name":"stake","writable":true,"pda":{"seeds":[{"kind":"const","value":[115,116,97,107,101]},{"kind":"account","path":"authority"}]}},{"name":"authority","writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[]},{"name":"stake_slash","docs":["Anyone executes a queued slash once its delay has passed: the operator's stake (active","first, then unstaking) goes to the treasury's earnings."],"discriminator":[231,69,5,138,47,152,182,122],"accounts":[{"name":"config"},{"name":"action","writable":true},{"name":"proposer","writable":true,"relations":["action"]},{"name":"stake","writable":true},{"name":"treasury_earnings","writable":true},{"name":"stake_vault","writable":true,"relations":["config"]},{"name":"vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"token_program","relations":["config"]}],"args":[]},{"name":"stake_unstake_request","docs":["Starts unstaking `amount` (it stops counting at once; withdrawable after the cooldown)."],"discriminator":[16,194,103,76,175,181,59,86],"accounts":[{"name":"config"},{"name":"stake","writable":true},{"name":"authority","signer":true,"relations":["stake"]}],"args":[{"name":"amount","type":"u64"}]},{"name":"stake_withdraw","docs":["Withdraws everything unstaking once the cooldown has ended."],"discriminator":[199,13,168,20,92,151,29,56],"accounts":[{"name":"config"},{"name":"stake_vault","writable":true,"relations":["config"]},{"name":"mint","relations":["config"]},{"name":"stake","writable":true},{"name":"authority","signer":true,"relations":["stake"]},{"name":"destination","writable":true},{"name":"token_program","relations":["config"]}],"args":[]}],"accounts":[{"name":"Action","discriminator":[144,241,105,219,74,136,203,176]},{"name":"Attestation","discriminator":[152,125,183,86,36,146,121,73]},{"name":"Channel","discriminator":[49,159,99,106,220,87,219,88]},{"name":"Config","discriminator":[155,12,170,224,30,250,204,130]},{"name":"Earnings","discriminator":[91,138,17,199,164,111,222,232]},{"name":"Epoch","discriminator":[93,83,120,89,151,138,152,108]},{"name":"Escrow","discriminator":[31,213,123,187,186,22,218,155]},{"name":"Pool","discriminator":[241,154,109,4,17,177,109,188]},{"name":"Position","discriminator":[170,188,143,228,122,64,247,208]},{"name":"Receipt","discriminator":[39,154,73,106,80,102,145,153]},{"name":"Stake","discriminator":[150,197,176,29,55,132,112,149]}],"events":[{"name":"ActionCancelled","discriminator":[121,213,205,29,226,181,230,13]},{"name":"ActionExecuted","discriminator":[116,101,146,36,160,153,182,233]},{"name":"ActionQueued","discriminator":[77,189,39,169,248,125,126,168]},{"name":"AttestationClosed","discriminator":[126,45,96,171,16,201,11,78]},{"name":"AttributionClaimed","discriminator":[165,19,107,178,5,206,133,15]},{"name":"AttributionRootPosted","discriminator":[57,81,142,67,111,218,11,14]},{"name":"AttributionRootVetoed","discriminator":[250,211,199,31,166,25,58,252]},{"name":"ChannelCloseRequested","discriminator":[25,12,1,80,238,62,27,137]},{"name":"ChannelClosed","discriminator":[119,198,23,254,216,124,84,16]},{"name":"ChannelOpened","discriminator":[253,213,255,96,31,188,47,170]},{"name":"ChannelSettled","discriminator":[111,173,122,136,157,140,206,6]},{"name":"ChannelToppedUp","discriminator":[54,225,177,32,80,12,60,115]},{"name":"ConfigInitialized","discriminator":[181,49,200,156,19,167,178,91]},{"name":"ConfigUpdated","discriminator":[40,241,230,122,11,19,198,194]},{"name":"EarningsClaimed","discriminator":[106,170,154,105,21,43,189,97]},{"name":"EarningsInitialized","discriminator":[0,96,44,190,188,192,71,144]},{"name":"EarningsTransferred","discriminator":[131,98,67,171,169,184,146,65]},{"name":"EmptyAccountClosed","discriminator":[44,221,27,61,101,226,47,14]},{"name":"EpochChallengeEnded","discriminator":[63,126,34,14,204,249,142,51]},{"name":"EpochChallenged","discriminator":[179,219,126,63,77,198,199,231]},{"name":"EpochOpened","discriminator":[136,166,130,170,78,145,67,78]},{"name":"EpochReleased","discriminator":[49,122,185,26,163,250,254,249]},{"name":"EscrowDistributed","discriminator":[58,107,128,41,125,252,91,239]},{"name":"EscrowInitialized","discriminator":[222,186,157,47,145,142,176,248]},{"name":"HandoverAccepted","discriminator":[217,160,163,223,166,103,178,94]},{"name":"HandoverProposed","discriminator":[156,68,158,173,182,176,10,245]},{"name":"InferencePaid","discriminator":[45,27,176,122,123,252,252,238]},{"name":"PauseSet","discriminator":[175,57,198,136,192,66,204,73]},{"name":"PoolInitialized","discriminator":[100,118,173,87,12,198,254,229]},{"name":"PositionClaimed","discriminator":[149,250,141,45,210,198,94,148]},{"name":"PositionEnrolled","discriminator":[10,112,193,190,200,246,111,5]},{"name":"PositionSynced","discriminator":[164,169,80,175,213,34,190,86]},{"name":"ReceiptClosed","discriminator":[127,232,161,69,46,187,159,188]},{"name":"RoleAccepted","discriminator":[130,219,17,167,202,238,104,50]},{"name":"StakeChanged","discriminator":[242,117,195,222,185,209,114,219]},{"name":"StakeInitialized","discriminator":[148,201,109,225,10,33,117,163]},{"name":"StakeSlashed","discriminator":[43,41,196,25,218,235,244,35]}],"errors":[{"code":6000,"name":"ProtocolFeeTooHigh","msg":"Protocol fee above the hard cap of 1,000 bps"},{"code":6001,"name":"InvalidCooldown","msg":"Unstake cooldown must be between 0 and 30 days"},{"code":6002,"name":"NotUpgradeAuthority","msg":"Only the program's upgrade authority may initialise it"},{"code":6003,"name":"NotConfigAuthority","msg":"Only the config authority may do this"},{"code":6004,"name":"NoPendingAuthority","msg":"No authority transfer is pending for this signer"},{"code":6005,"name":"Paused","msg":"Payments are paused"},{"code":6006,"name":"WrongMint","msg":"The token mint is not the configured OPEN mint"},{"code":6007,"name":"WrongTokenProgram","msg":"The token program is not the one that owns the OPEN mint"},{"code":6008,"name":"ZeroCalls","msg":"Calls must be above zero"},{"code":6009,"name":"FeeAboveMax","msg":"The fee (price × calls) is above the max fee you allowed"},{"code":6010,"name":"ModelNotPublished","msg":"The model is not published (a draft cannot be paid)"},{"code":6011,"name":"ModelRetired","msg":"The model is retired: it takes no new payments"},{"code":6012,"name":"OperatorInactive","msg":"The operator is not active in model_registry"},{"code":6013,"name":"InsufficientStake","msg":"The operator's active stake is below the minimum"},{"code":6014,"name":"WrongStake","msg":"The stake account does not belong to this operator"},{"code":6015,"name":"WrongEarnings","msg":"The earnings account is not the right beneficiary's, in the right role"},{"code":6016,"name":"LineageAccountMismatch","msg":"The pool and escrow accounts must match the model's lineage: one per entry, in order, writable"},{"code":6017,"name":"WrongPool","msg":"The pool is not that of this datanet version"},{"code":6018,"name":"ContributionNotAccepted","msg":"The contribution is not accepted"},{"code":6019,"name":"NotBeneficiary","msg":"Only the beneficiary may claim"},{"code":6020,"name":"NotOwnTokenAccount","msg":"The token account must be an OPEN account of the signer's own"},{"code":6021,"name":"NothingToClaim","msg":"Nothing to claim"},{"code":6022,"name":"NothingToDistribute","msg":"Nothing to distribute"},{"code":6023,"name":"EscrowModelDraft","msg":"The escrow's model has not been published"},{"code":6024,"name":"ZeroAmount","msg":"Amount must be above zero"},{"code":6025,"name":"StakeTooLow","msg":"More than the active stake"},{"code":6026,"name":"NothingUnstaking","msg":"Nothing is unstaking"},{"code":6027,"name":"CooldownActive","msg":"The unstake cooldown has not ended"},{"code":6028,"name":"NotStakeAuthority","msg":"Only the stake's authority may do this"},{"code":6029,"name":"UnsupportedMintExtension","msg":"The token mint has an extension this program does not support (transfer fees, hooks, permanent delegates, ...)"},{"code":6030,"name":"InvalidEpochTiming","msg":"Epoch timing out of bounds (epoch 1 min–30 days, root deadline 1 min–30 days, challenge window ≤ 7 days, claim window 1 hour–365 days)"},{"code":6031,"name":"NotProofAttributed","msg":"The model has no proof-attributed lineage entry"},{"code":6032,"name":"NotCurrentEpoch","msg":"Only the current epoch can be opened"},{"code":6033,"name":"WrongEpoch","msg":"The epoch account does not match this model, epoch and its state"},{"code":6034,"name":"EpochNotEnded","msg":"The epoch has not ended yet"},{"code":6035,"name":"RootDeadlinePassed","msg":"The deadline for posting this epoch's root has passed"},{"code":6036,"name":"RootDeadlineNotPassed","msg":"The deadline for posting this epoch's root has not passed yet"},{"code":6037,"name":"RootAlreadyPosted","msg":"This epoch's root was already posted, or the epoch was released"},{"code":6038,"name":"NotAttestor","msg":"Only the model's attestor may post its roots"},{"code":6039,"name":"AttestorNotStaked","msg":"The attestor's active stake is below the operator minimum"},{"code":6040,"name":"TotalAboveAccrued","msg":"The total allocated is more than the epoch accrued"},{"code":6041,"name":"RecordsHashMismatch","msg":"The records hash does not match the epoch's running hash of paid inferences"},{"code":6042,"name":"NoLeaves","msg":"A root allocating a positive total needs at least one leaf"},{"code":6043,"name":"RootNotPosted","msg":"The epoch's root has not been posted"},{"code":6044,"name":"ChallengeWindowOpen","msg":"The challenge window has not ended: claims are not open yet"},{"code":6045,"name":"ClaimPeriodOver","msg":"The claim period of this epoch has ended"},{"code":6046,"name":"ClaimPeriodNotOver","msg":"The claim period of this epoch has not ended"},{"code":6047,"name":"InvalidProof","msg":"The Merkle proof does not prove this claim"},{"code":6048,"name":"ProofTooLong","msg":"A proof of more than 32 hashes cannot be valid"},{"code":6049,"name":"AlreadyClaimed","msg":"This contribution was already paid from this epoch"},{"code":6050,"name":"ClaimAboveTotal","msg":"The claim would exceed the epoch's allocated total"},{"code":6051,"name":"WrongRentPayer","msg":"The rent goes back to whoever paid it"},{"code":6052,"name":"EpochStillOpen","msg":"The receipt's epoch is still open"},{"code":6053,"name":"InvariantViolated","msg":"An internal invariant would be broken"},{"code":6054,"name":"MathOverflow","msg":"Arithmetic overflow"},{"code":6055,"name":"SlashAboveStake","msg":"The slash exceeds the operator's stake (active and unstaking)"},{"code":6056,"name":"ChallengeWindowClosed","msg":"The challenge window has closed: the root stands"},{"code":6057,"name":"EpochLengthFixed","msg":"The epoch length is fixed at config_init: epoch accounts are addressed by it"},{"code":6058,"name":"MintHasFreezeAuthority","msg":"The OPEN mint must have no freeze authority: it could freeze the vaults"},{"code":6059,"name":"CooldownBelowChallengeWindow","msg":"The unstake cooldown must be at least the challenge window, so an attestor's stake stays slashable while its root can be vetoed"},{"code":6060,"name":"NotInVersion","msg":"The contribution is not in this version: it was accepted after the version was published"},{"code":6061,"name":"ClaimAccountMismatch","msg":"A claim's remaining accounts are (position, pool) pairs: each position the signer's, writable, followed by its own pool"},{"code":6062,"name":"AlreadyEnrolled","msg":"This contribution already has a position in this pool"},{"code":6063,"name":"WrongContribution","msg":"The position is not this contribution's"},{"code":6064,"name":"BeneficiaryCurrent","msg":"The position already pays the contribution's contributor"},{"code":6065,"name":"NoPendingHandover","msg":"No handover of this account is pending for this signer"},{"code":6066,"name":"HandoverToSelf","msg":"An earnings account can only be handed to another wallet, into that wallet's own earnings account of the same role"},{"code":6067,"name":"AccountNotEmpty","msg":"Only an empty account closes: claim the earnings, or withdraw the stake, first"},{"code":6068,"name":"TreasuryEarningsStay","msg":"The treasury's earnings account stays open: every payment credits it"},{"code":6069,"name":"InvalidInputsUri","msg":"A posted root names where its attestation is published: a URI of 1 to 200 bytes"},{"code":6070,"name":"ContributionOfAnotherDatanet","msg":"The contribution is not of the datanet this epoch attributes"},{"code":6071,"name":"InvalidChallengeParams","msg":"Challenge parameters out of bounds: attestor bond 10-100 % of the root's total, a challenge bond above zero, a reward of at most 100 %, a resolve window of 1 hour to 30 days"},{"code":6072,"name":"RootChallenged","msg":"The root is being challenged: no claim or veto until the resolver decides"},{"code":6073,"name":"NotResolver","msg":"Only the config's resolver decides challenges"},{"code":6074,"name":"NotChallenged","msg":"The epoch has no pending challenge"},{"code":6075,"name":"ResolveDeadlinePassed","msg":"The resolver's deadline for this challenge has passed"},{"code":6076,"name":"ResolveDeadlineNotPassed","msg":"The resolver may still decide this challenge"},{"code":6077,"name":"BondLocked","msg":"The attestor's bond is locked until claims open with no challenge pending"},{"code":6078,"name":"AttestorBondHeld","msg":"The epoch's attestation is open: close it first (attestation_close returns the attestor's bond)"},{"code":6079,"name":"AttestorNotApproved","msg":"The datanet's curator has not approved this attestor for its share (datanet_attestor_approve)"},{"code":6080,"name":"NotOperatorAuthority","msg":"The operator's authority must sign the payment for the calls it served"},{"code":6081,"name":"InvalidChannelExpiry","msg":"The channel's expiry must be in the future and at most a year away"},{"code":6082,"name":"NotChannelPayer","msg":"Only the channel's payer may do this"},{"code":6083,"name":"WrongChannel","msg":"The channel is not this model's and operator's"},{"code":6084,"name":"ChannelEnded","msg":"The channel is closing or expired: no top-up, no second close request"},{"code":6085,"name":"SettleDeadlinePassed","msg":"The channel's settle deadline has passed: no more vouchers"},{"code":6086,"name":"VoucherStale","msg":"A voucher with this sequence number or a newer one was settled already"},{"code":6087,"name":"VoucherAmountMismatch","msg":"A voucher's amount must be its calls times the channel's price per call"},{"code":6088,"name":"VoucherAboveDeposit","msg":"The voucher's amount is above the channel's deposit"},{"code":6089,"name":"NothingToSettle","msg":"The voucher adds no calls to what was settled"},{"code":6090,"name":"VoucherNotSigned","msg":"No Ed25519 verification of this voucher by the channel's signer right before this instruction (its key, message and signature in its own data)"},{"code":6091,"name":"ChannelStillSettling","msg":"The operator may still settle: the channel closes after its settle deadline"},{"code":6092,"name":"ZeroMinOperatorStake","msg":"The minimum operator stake must be above zero"},{"code":6093,"name":"InvalidTimelockDelay","msg":"The timelock's delay must be between one and 30 days"},{"code":6094,"name":"ActionNotReady","msg":"The queued action's delay has not passed yet"},{"code":6095,"name":"SlashIsStakeSlash","msg":"A queued slash is executed by stake_slash"},{"code":6096,"name":"NotASlash","msg":"This queued action is not a slash"},{"code":6097,"name":"NotAdminOrGuardian","msg":"Only the admin or the guardian may cancel a queued action"},{"code":6098,"name":"NotGuardian","msg":"Only the config's guardian may do this"},{"code":6099,"name":"StakeLockedBySlash","msg":"A queued slash locks this stake: the withdrawal would leave less than it names"},{"code":6100,"name":"StakeStillSlashable","msg":"This stake posted a root whose challenge window or challenge is not over: it stays slashable until then"},{"code":6101,"name":"GuardianReplacementStands","msg":"The guardian cannot cancel its own replacement (only the admin can)"}],"types":[{"name":"Action","docs":["A queued admin action. PDA `[SEED_ACTION, id (u64 LE)]`, `id` from `Config::action_count`.","Anyone executes it from `executable_at`; the admin or the guardian cancels it before. Either","way the account closes and its rent goes back to the proposer."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"id","type":"u64"},{"name":"proposer","docs":["The admin that queued it and paid its rent."],"type":"pubkey"},{"name":"queued_at","type":"i64"},{"name":"executable_at","type":"i64"},{"name":"action","type":{"defined":{"name":"GovernanceAction"}}}]}},{"name":"ActionCancelled","type":{"kind":"struct","fields":[{"name":"action","type":"pubkey"},{"name":"id","type":"u64"},{"name":"by","docs":["The admin or the guardian."],"type":"pubkey"}]}},{"name":"ActionExecuted","type":{"kind":"struct","fields":[{"name":"action","type":"pubkey"},{"name":"id","type":"u64"},{"name":"kind","type":{"defined":{"name":"GovernanceAction"}}}]}},{"name":"ActionQueued","type":{"kind":"struct","fields":[{"name":"action","type":"pubkey"},{"name":"id","type":"u64"},{"name":"proposer","type":"pubkey"},{"name":"executable_at","type":"i64"},{"name":"kind","type":{"defined":{"name":"GovernanceAction"}}}]}},{"name":"Attestation","docs":["The attestor's stake in its root: the OPEN it locked in the fee vault with the post (back to it","when `attestation_close` closes this account, once claims open with no challenge pending or","the epoch was released; slashed when a challenge is upheld; a dismissed challenger's bond joins","it), and the root's challenge, if any. Kept apart from the `Epoch` so that claims do not carry","it. PDA `[SEED_ATTESTATION, epoch]`; created by `attribution_root_post`, its rent the","attestor's and back to it at close."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"epoch","type":"pubkey"},{"name":"attestor","type":"pubkey"},{"name":"bond","type":"u64"},{"name":"challenger","docs":["The pending (or last dismissed) challenge: who, its bond still held (0 when none is","pending), the share of the attestor's bond it wins if upheld, what it disputes (a leaf, or","the contribution a missing leaf would name), and until when the resolver may decide."],"type":"pubkey"},{"name":"challenger_bond","type":"u64"},{"name":"challenge_reward_bps","type":"u16"},{"name":"disputed","type":{"array":["u8",32]}},{"name":"resolve_by","type":"i64"},{"name":"reserved","type":{"array":["u8",16]}}]}},{"name":"AttestationClosed","docs":["An epoch's attestation closed: what was left of the attestor's bond and the account's rent","went back to the attestor."],"type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"attestor","type":"pubkey"},{"name":"bond_returned","type":"u64"},{"name":"rent_returned","type":"u64"}]}},{"name":"AttributionClaimArgs","type":{"kind":"struct","fields":[{"name":"amount","type":"u64"},{"name":"proof","docs":["Sibling hashes from the leaf up to the root."],"type":{"vec":{"array":["u8",32]}}}]}},{"name":"AttributionClaimed","type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"contribution","type":"pubkey"},{"name":"paid_to","docs":["The contribution's contributor when claimed (the wallet a handover moved it to, if any)."],"type":"pubkey"},{"name":"amount","type":"u64"},{"name":"claimed","type":"u64"}]}},{"name":"AttributionRootPostArgs","type":{"kind":"struct","fields":[{"name":"root","docs":["Merkle root over (model, epoch, contribution, amount) leaves (`poa-merkle`)."],"type":{"array":["u8",32]}},{"name":"total","docs":["What the leaves allocate in total; at most what the epoch accrued."],"type":"u64"},{"name":"leaf_count","type":"u64"},{"name":"records_hash","docs":["Must equal the epoch's running hash: the attestor used exactly the epoch's payments."],"type":{"array":["u8",32]}},{"name":"inputs_hash","docs":["sha256 of the published attestation the root was computed from (`Epoch::inputs_hash`)."],"type":{"array":["u8",32]}},{"name":"inputs_uri","docs":["Where that attestation is published (1 to 200 bytes); recorded in the event only."],"type":"string"}]}},{"name":"AttributionRootPosted","type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"attestor","type":"pubkey"},{"name":"attestor_bond","docs":["Locked in the fee vault with the root (`Epoch::attestor_bond`)."],"type":"u64"},{"name":"root","type":{"array":["u8",32]}},{"name":"accrued","type":"u64"},{"name":"total","type":"u64"},{"name":"leaf_count","type":"u64"},{"name":"records_hash","type":{"array":["u8",32]}},{"name":"inputs_hash","type":{"array":["u8",32]}},{"name":"inputs_uri","type":"string"},{"name":"returned","docs":["accrued − total, credited to the datanet's pool at once."],"type":"u64"},{"name":"claims_open_at","type":"i64"},{"name":"expires_at","type":"i64"}]}},{"name":"AttributionRootVetoed","docs":["An epoch's value went to its datanet's pool: all of it (no root by the deadline), or what","was not claimed (at close).","Governance struck down a posted root in its challenge window; `amount` went to the pool."],"type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"root","type":{"array":["u8",32]}},{"name":"amount","type":"u64"},{"name":"reason","type":"u16"}]}},{"name":"ChallengeOutcome","docs":["How a challenge ends."],"type":{"kind":"enum","variants":[{"name":"Upheld"},{"name":"Dismissed"},{"name":"Expired"}]}},{"name":"ChallengeParams","docs":["What posting and challenging a Proof of Attribution root costs, and what a challenge earns."],"type":{"kind":"struct","fields":[{"name":"attestor_bond_bps","docs":["The attestor's bond for a root: this share of what the root allocates (rounded up),","within `ATTESTOR_BOND_BPS_BOUNDS`."],"type":"u16"},{"name":"challenge_bond","docs":["OPEN base units a challenger posts; above zero."],"type":"u64"},{"name":"challenge_reward_bps","docs":["The challenger's reward when its challenge is upheld: this share of the attestor's bond."],"type":"u16"},{"name":"resolve_window_secs","docs":["How long the resolver has to decide a challenge; unresolved after it, the epoch falls back","to the static weights and both bonds go back."],"type":"i64"}]}},{"name":"Channel","docs":["A unidirectional payment channel: a payer's OPEN deposit (held in the fee vault) for one model","served by one operator, spent by vouchers its `signer` signs off chain and the operator settles.","PDA `[SEED_CHANNEL, payer, id]`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"payer","type":"pubkey"},{"name":"id","type":"u64"},{"name":"model","type":"pubkey"},{"name":"operator","docs":["The operator's account (model_registry); its current authority settles."],"type":"pubkey"},{"name":"signer","docs":["The key that signs vouchers: the payer's own, or an agent's (whose budget the deposit is)."],"type":"pubkey"},{"name":"nonce","docs":["The payer's random number for this opening, in every voucher: a channel closed and opened","again at the same address takes none of the old vouchers."],"type":{"array":["u8",32]}},{"name":"price_per_call","docs":["Fixed at open: the model's price then (at most the payer's `max_price_per_call`)."],"type":"u64"},{"name":"deposit","docs":["Everything deposited; never more than that is settled."],"type":"u64"},{"name":"settled_calls","docs":["What the newest settled voucher said: cumulative calls and amount, its sequence and its","running hash of (request id, output hash) pairs."],"type":"u64"},{"name":"settled_amount","type":"u64"},{"name":"sequence","type":"u64"},{"name":"running_hash","type":{"array":["u8",32]}},{"name":"expires_at","type":"i64"},{"name":"closing_at","docs":["Set by `channel_close_request`: the operator may settle until then, the payer closes after."],"type":{"option":"i64"}},{"name":"reserved","type":{"array":["u8",32]}}]}},{"name":"ChannelCloseRequested","type":{"kind":"struct","fields":[{"name":"channel","type":"pubkey"},{"name":"closing_at","docs":["The operator may settle until then; the payer closes after it."],"type":"i64"}]}},{"name":"ChannelClosed","type":{"kind":"struct","fields":[{"name":"channel","type":"pubkey"},{"name":"payer","type":"pubkey"},{"name":"settled_amount","type":"u64"},{"name":"refunded","docs":["What went back to the payer."],"type":"u64"}]}},{"name":"ChannelOpenArgs","type":{"kind":"struct","fields":[{"name":"id","docs":["The payer's number for the channel (its PDA's seed)."],"type":"u64"},{"name":"deposit","docs":["OPEN moved into the vault now: the most the channel can ever pay."],"type":"u64"},{"name":"max_price_per_call","docs":["The most per call the payer accepts: the model's price now must not be above it, and the","channel keeps that price for its life."],"type":"u64"},{"name":"expires_at","docs":["When vouchers stop being honoured (the operator has a dispute window after it to settle)."],"type":"i64"},{"name":"signer","docs":["The key that signs vouchers: the payer's own, or an agent's."],"type":"pubkey"},{"name":"nonce","docs":["Random, fresh for every opening: vouchers name it, so a channel closed and opened again at","the same address (the same `id`) takes none of the old vouchers."],"type":{"array":["u8",32]}}]}},{"name":"ChannelOpened","docs":["A payer opened a payment channel with a deposit (in the fee vault)."],"type":{"kind":"struct","fields":[{"name":"channel","type":"pubkey"},{"name":"payer","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"operator","type":"pubkey"},{"name":"signer","docs":["The key that signs the channel's vouchers (the payer's, or an agent's)."],"type":"pubkey"},{"name":"nonce","type":{"array":["u8",32]}},{"name":"price_per_call","type":"u64"},{"name":"deposit","type":"u64"},{"name":"expires_at","type":"i64"}]}},{"name":"ChannelSettled","docs":["A voucher settled: `fee` (what it added to the settled amount) was split as its","`InferencePaid` event, emitted with it, tells."],"type":{"kind":"struct","fields":[{"name":"channel","type":"pubkey"},{"name":"sequence","type":"u64"},{"name":"calls","docs":["Cumulative, as the voucher says."],"type":"u64"},{"name":"amount","type":"u64"},{"name":"fee","type":"u64"},{"name":"running_hash","type":{"array":["u8",32]}},{"name":"remaining","docs":["What is left of the deposit."],"type":"u64"}]}},{"name":"ChannelToppedUp","type":{"kind":"struct","fields":[{"name":"channel","type":"pubkey"},{"name":"amount","type":"u64"},{"name":"deposit","docs":["The deposit after it."],"type":"u64"}]}},{"name":"Config","docs":["The singleton configuration. PDA `[SEED_CONFIG]`; it is also the token authority of the vaults."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"vault_bump","type":"u8"},{"name":"stake_vault_bump","type":"u8"},{"name":"authority","docs":["The admin role (`Role::Admin`): queues parameter changes, role changes and slashes, which","wait `timelock_delay_secs`. In production a multisig or a DAO's PDA."],"type":"pubkey"},{"name":"pending_authority","type":{"option":"pubkey"}},{"name":"treasury","docs":["Beneficiary of the protocol fee and of every rounding remainder."],"type":"pubkey"},{"name":"mint","docs":["The OPEN mint, and the token program (Token or Token-2022) that owns it."],"type":"pubkey"},{"name":"token_program","type":"pubkey"},{"name":"decimals","docs":["The mint's decimals, for `transfer_checked`."],"type":"u8"},{"name":"vault","type":"pubkey"},{"name":"stake_vault","type":"pubkey"},{"name":"protocol_fee_bps","docs":["Share of every fee taken first for the treasury, at most `MAX_PROTOCOL_FEE_BPS`."],"type":"u16"},{"name":"min_operator_stake","docs":["Stake an operator must keep (not counting stake waiting to be withdrawn) to be payable."],"type":"u64"},{"name":"unstake_cooldown_secs","type":"i64"},{"name":"epoch_length_secs","docs":["Proof of Attribution timing: epochs are `epoch_length_secs` long (aligned on the Unix","epoch); an attestor posts a root within `root_deadline_secs` after an epoch ends; claims","open `challenge_window_secs` after the root and stay open `claim_window_secs`."],"type":"i64"},{"name":"root_deadline_secs","type":"i64"},{"name":"challenge_window_secs","type":"i64"},{"name":"claim_window_secs","type":"i64"},{"name":"paused","docs":["Set and cleared by the guardian: no fee can be paid; claims and withdrawals keep working."],"type":"bool"},{"name":"resolver","docs":["Decides challenges of posted roots (`epoch_challenge_end`): upholds or dismisses them. The","admin at `config_init`; in production a multisig of its own."],"type":"pubkey"},{"name":"challenge","type":{"defined":{"name":"ChallengeParams"}}},{"name":"guardian","docs":["Pauses, vetoes posted roots, cancels queued actions (`Role::Guardian`). The admin at","`config_init`; in production a fast multisig of its own."],"type":"pubkey"},{"name":"pending_guardian","type":{"option":"pubkey"}},{"name":"pending_resolver","type":{"option":"pubkey"}},{"name":"timelock_delay_secs","docs":["How long a queued admin action waits before anyone may execute it."],"type":"i64"},{"name":"action_count","docs":["How many actions were ever queued: the next one's id."],"type":"u64"},{"name":"reserved","type":{"array":["u8",64]}}]}},{"name":"ConfigInitArgs","type":{"kind":"struct","fields":[{"name":"authority","docs":["The admin (may differ from the deployer that signs this); also the first guardian and","resolver, until the admin hands those roles on (`GovernanceAction::SetRole`)."],"type":"pubkey"},{"name":"treasury","type":"pubkey"},{"name":"protocol_fee_bps","type":"u16"},{"name":"min_operator_stake","type":"u64"},{"name":"unstake_cooldown_secs","type":"i64"},{"name":"epoch_timing","type":{"defined":{"name":"EpochTiming"}}}]}},{"name":"ConfigInitialized","type":{"kind":"struct","fields":[{"name":"config","type":"pubkey"},{"name":"authority","type":"pubkey"},{"name":"treasury","type":"pubkey"},{"name":"mint","type":"pubkey"},{"name":"token_program","type":"pubkey"},{"name":"vault","type":"pubkey"},{"name":"stake_vault","type":"pubkey"},{"name":"protocol_fee_bps","type":"u16"},{"name":"min_operator_stake","type":"u64"},{"name":"unstake_cooldown_secs","type":"i64"},{"name":"epoch_timing","type":{"defined":{"name":"EpochTiming"}}}]}},{"name":"ConfigUpdateArgs","docs":["Parameter changes; `None` leaves a field as it is. Bounds are those of `config_init`."],"type":{"kind":"struct","fields":[{"name":"treasury","type":{"option":"pubkey"}},{"name":"protocol_fee_bps","type":{"option":"u16"}},{"name":"min_operator_stake","type":{"option":"u64"}},{"name":"unstake_cooldown_secs","type":{"option":"i64"}},{"name":"epoch_timing","docs":["The root deadline and the windows apply to epochs opened from now on (an epoch keeps the","timing it was opened with). The epoch length cannot change (`EpochLengthFixed`): epoch","accounts are addressed by `now / epoch_length`, so a new length would land new epochs on","old epochs' addresses."],"type":{"option":{"defined":{"name":"EpochTiming"}}}},{"name":"challenge","docs":["Apply to roots posted and challenges opened from now on."],"type":{"option":{"defined":{"name":"ChallengeParams"}}}},{"name":"timelock_delay_secs","docs":["The timelock's delay for actions queued from now on (this change itself waits the current","delay), within `TIMELOCK_DELAY_BOUNDS`."],"type":{"option":"i64"}}]}},{"name":"ConfigUpdated","type":{"kind":"struct","fields":[{"name":"authority","type":"pubkey"},{"name":"treasury","type":"pubkey"},{"name":"protocol_fee_bps","type":"u16"},{"name":"min_operator_stake","type":"u64"},{"name":"unstake_cooldown_secs","type":"i64"},{"name":"epoch_timing","type":{"defined":{"name":"EpochTiming"}}},{"name":"paused","type":"bool"},{"name":"resolver","type":"pubkey"},{"name":"challenge","type":{"defined":{"name":"ChallengeParams"}}},{"name":"timelock_delay_secs","type":"i64"}]}},{"name":"Contribution","docs":["One piece of content submitted to a datanet.","PDA `[SEED_CONTRIBUTION, datanet, content_hash]`, so the same content cannot be submitted to","the same datanet twice while the account exists."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"datanet","type":"pubkey"},{"name":"contributor","docs":["Who submitted it (or was handed it), receives its rent back and is paid for it."],"type":"pubkey"},{"name":"content_hash","docs":["SHA-256 of the content."],"type":{"array":["u8",32]}},{"name":"size","docs":["Content size in bytes, as declared by the contributor."],"type":"u64"},{"name":"status","type":{"defined":{"name":"ContributionStatus"}}},{"name":"weight","docs":["Attribution weight; above zero exactly when accepted."],"type":"u64"},{"name":"reject_reason","docs":["The curator's reason code when rejected (its meaning is the datanet's own); 0 otherwise."],"type":"u16"},{"name":"index","docs":["0-based order of submission within the datanet."],"type":"u64"},{"name":"submitted_at","type":"i64"},{"name":"decided_at","docs":["When accepted or rejected; 0 while pending."],"type":"i64"},{"name":"accepted_seq","docs":["0-based order of acceptance within the datanet (meaningful once accepted). A version","contains exactly the accepted contributions whose `accepted_seq` is below its `accepted_end`."],"type":"u64"},{"name":"pending_contributor","docs":["Set by `contribution_transfer_propose`, cleared when accepted: the wallet the contributor","hands the contribution (and what it earns) to."],"type":{"option":"pubkey"}},{"name":"bond","docs":["OPEN base units of bond still in the bond vault for it: set at submission by the","datanet's policy, zeroed when the bond is refunded or forfeited."],"type":"u64"},{"name":"flaggable_until","docs":["Until when (exclusive) the curator may flag it as spam once accepted: its acceptance plus","the datanet's spam window, as it was then."],"type":"i64"},{"name":"reserved","type":{"array":["u8",8]}},{"name":"uri","type":"string"}]}},{"name":"ContributionStatus","type":{"kind":"enum","variants":[{"name":"Pending"},{"name":"Accepted"},{"name":"Rejected"},{"name":"Flagged"}]}},{"name":"DatanetVersion","docs":["An immutable, citable snapshot of a datanet's accepted contributions, taken on chain: it","contains exactly the contributions accepted before it was published (`accepted_seq <","accepted_end`), and their summed weight is fixed here for good. A fee paid to a model that","cites this version is shared among exactly these contributions over `total_weight`.","Versions are cumulative: a contribution stays in every later version.","PDA `[SEED_DATANET_VERSION, datanet, number (u32 LE)]`; numbers start at 1."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"datanet","type":"pubkey"},{"name":"number","type":"u32"},{"name":"contributions_root","docs":["The curator's Merkle root over the manifest of the contributions this version contains","(computed off chain; what Proof of Attribution indexes)."],"type":{"array":["u8",32]}},{"name":"contribution_count","docs":["How many contributions it contains: the accepted ones with `accepted_seq < accepted_end`","(none flagged as spam)."],"type":"u64"},{"name":"accepted_end","docs":["The datanet's count of acceptances when the version was published."],"type":"u64"},{"name":"total_weight","docs":["The summed weight of the contributions it contains: every share of a fee paid to this","version is divided by it."],"type":"u64"},{"name":"published_at","type":"i64"},{"name":"reserved","type":{"array":["u8",32]}},{"name":"uri","docs":["Where the version's manifest (the list of contributions) is published."],"type":"string"}]}},{"name":"Earnings","docs":["What a wallet earned in one role and has not claimed yet.","PDA `[SEED_EARNINGS, beneficiary, role]`; created only there, by `earnings_init`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"beneficiary","type":"pubkey"},{"name":"role","type":{"defined":{"name":"EarningsRole"}}},{"name":"balance","docs":["Claimable now."],"type":"u64"},{"name":"total_earned","type":"u64"},{"name":"total_claimed","type":"u64"},{"name":"pending_beneficiary","docs":["Set by `earnings_transfer_propose`, cleared when accepted (the account then closes)."],"type":{"option":"pubkey"}},{"name":"reserved","type":{"array":["u8",32]}}]}},{"name":"EarningsClaimed","type":{"kind":"struct","fields":[{"name":"earnings","type":"pubkey"},{"name":"beneficiary","type":"pubkey"},{"name":"role","type":{"defined":{"name":"EarningsRole"}}},{"name":"amount","type":"u64"},{"name":"total_claimed","type":"u64"}]}},{"name":"EarningsInitialized","type":{"kind":"struct","fields":[{"name":"earnings","type":"pubkey"},{"name":"beneficiary","type":"pubkey"},{"name":"role","type":{"defined":{"name":"EarningsRole"}}}]}},{"name":"EarningsRole","docs":["The capacity in which a wallet earns. One `Earnings` account per (wallet, role), so that a","model owner who also operates, or a treasury that also builds, never needs the same account","twice in one payment."],"type":{"kind":"enum","variants":[{"name":"Treasury"},{"name":"ModelOwner"},{"name":"Operator"}]}},{"name":"EarningsTransferred","docs":["The successor accepted an earnings account: its balance moved into the successor's own","earnings account of the same role, and the old account closed (rent to its beneficiary)."],"type":{"kind":"struct","fields":[{"name":"from","type":"pubkey"},{"name":"to","type":"pubkey"},{"name":"previous","type":"pubkey"},{"name":"beneficiary","type":"pubkey"},{"name":"role","type":{"defined":{"name":"EarningsRole"}}},{"name":"amount","type":"u64"}]}},{"name":"EmptyAccountClosed","docs":["An empty earnings account or stake closed; its rent went back to its holder."],"type":{"kind":"struct","fields":[{"name":"account","type":"pubkey"},{"name":"holder","type":"pubkey"},{"name":"rent_returned","type":"u64"}]}},{"name":"Epoch","docs":["One model's Proof of Attribution epoch: what its proof-attributed lineage entry earned from","`starts_at` to `ends_at`, the running hash of the payments, then the attestor's allocation.","PDA `[SEED_EPOCH, model, index (u64 LE)]`; created only there, by `epoch_open`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"starts_at","type":"i64"},{"name":"ends_at","type":"i64"},{"name":"datanet","docs":["The proof-attributed entry's datanet."],"type":"pubkey"},{"name":"datanet_version","docs":["The version the entry cites: its pool receives what the epoch does not attribute."],"type":"pubkey"},{"name":"accepted_end","docs":["That version's bound, copied from its pool when the root is posted: a leaf is paid only","to a contribution accepted with `accepted_seq` below it."],"type":"u64"},{"name":"status","type":{"defined":{"name":"EpochStatus"}}},{"name":"accrued","docs":["Credited by `inference_pay`."],"type":"u64"},{"name":"record_count","type":"u64"},{"name":"records_hash","docs":["h_0 = 0; h_i = sha256(h_{i−1} ‖ request id ‖ output hash ‖ amount (u64 LE)) over the","epoch's payments, in order (`poa_merkle`)."],"type":{"array":["u8",32]}},{"name":"root","docs":["The attestor's Merkle root over (model, epoch, contribution, amount) leaves."],"type":{"array":["u8",32]}},{"name":"total","docs":["What the root allocates (≤ accrued); the rest went to the pool when it was posted."],"type":"u64"},{"name":"leaf_count","type":"u64"},{"name":"claimed","type":"u64"},{"name":"returned","docs":["Sent to the datanet's pool: the unallocated part, a release, or the unclaimed rest at close."],"type":"u64"},{"name":"posted_at","type":"i64"},{"name":"claims_open_at","type":"i64"},{"name":"expires_at","type":"i64"},{"name":"rent_payer","docs":["Paid the account's rent; gets it back at close."],"type":"pubkey"},{"name":"root_deadline_at","docs":["The timing, fixed when the epoch opened (a later `config_update` applies to later epochs):","the attestor may post until `root_deadline_at`; a posted root's claims open","`challenge_window_secs` after it and stay open `claim_window_secs`."],"type":"i64"},{"name":"challenge_window_secs","type":"i64"},{"name":"claim_window_secs","type":"i64"},{"name":"inputs_hash","docs":["sha256 of the attestation the root was computed from (engine version, parameters, index","files' hashes, every record with its output: `attribution poa epoch --publish`), published","where the post's `AttributionRootPosted::inputs_uri` says: anyone holding it reruns the","engine and gets `root` (`attribution poa verify`)."],"type":{"array":["u8",32]}},{"name":"reserved","type":{"array":["u8",8]}}]}},{"name":"EpochChallengeEnded","docs":["A challenge ended: `to_challenger` paid to the challenger (its bond, and its reward when","upheld); `slashed_to_pool` of the attestor's bond and `returned` of the epoch's fees credited","to the version's pool; `attestor_bond` is what the epoch still holds for the attestor."],"type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"challenger","type":"pubkey"},{"name":"outcome","type":{"defined":{"name":"ChallengeOutcome"}}},{"name":"to_challenger","type":"u64"},{"name":"slashed_to_pool","type":"u64"},{"name":"returned","type":"u64"},{"name":"attestor_bond","type":"u64"}]}},{"name":"EpochChallenged","docs":["A challenger disputes a posted root (`disputed`: a leaf, or the contribution a missing leaf","would name), bonding `bond`; claims wait for the resolver until `resolve_by`."],"type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"challenger","type":"pubkey"},{"name":"bond","type":"u64"},{"name":"disputed","type":{"array":["u8",32]}},{"name":"resolve_by","type":"i64"}]}},{"name":"EpochOpened","type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"starts_at","type":"i64"},{"name":"ends_at","type":"i64"},{"name":"datanet","type":"pubkey"},{"name":"datanet_version","type":"pubkey"}]}},{"name":"EpochReleased","type":{"kind":"struct","fields":[{"name":"epoch","type":"pubkey"},{"name":"model","type":"pubkey"},{"name":"index","type":"u64"},{"name":"amount","type":"u64"},{"name":"closed","type":"bool"}]}},{"name":"EpochStatus","type":{"kind":"enum","variants":[{"name":"Open"},{"name":"Posted"},{"name":"Released"},{"name":"Challenged"}]}},{"name":"EpochTiming","docs":["The Proof of Attribution timing parameters, in seconds (bounds in `constants`)."],"type":{"kind":"struct","fields":[{"name":"epoch_length_secs","type":"i64"},{"name":"root_deadline_secs","type":"i64"},{"name":"challenge_window_secs","type":"i64"},{"name":"claim_window_secs","type":"i64"}]}},{"name":"Escrow","docs":["What downstream models have paid an upstream model, waiting for `escrow_distribute` to apply","that model's own split. PDA `[SEED_ESCROW, model]`; created only there, by `escrow_init`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"model","type":"pubkey"},{"name":"balance","docs":["Waiting to be distributed."],"type":"u64"},{"name":"total_received","type":"u64"},{"name":"total_distributed","type":"u64"},{"name":"reserved","type":{"array":["u8",32]}}]}},{"name":"EscrowDistributed","docs":["An upstream model's escrow split by that model's own lineage."],"type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"escrow","type":"pubkey"},{"name":"amount","type":"u64"},{"name":"dust","type":"u64"},{"name":"owner","type":"pubkey"},{"name":"owner_amount","docs":["The owner's share and the operator share (no operator executes an upstream hop)."],"type":"u64"},{"name":"lineage","type":{"vec":{"defined":{"name":"LineageCredit"}}}},{"name":"timestamp","type":"i64"}]}},{"name":"EscrowInitialized","type":{"kind":"struct","fields":[{"name":"escrow","type":"pubkey"},{"name":"model","type":"pubkey"}]}},{"name":"GovernanceAction","docs":["What an admin action does once its delay has passed."],"type":{"kind":"enum","variants":[{"name":"Update","fields":[{"name":"change","type":{"defined":{"name":"ConfigUpdateArgs"}}}]},{"name":"SetRole","fields":[{"name":"role","type":{"defined":{"name":"Role"}}},{"name":"key","type":"pubkey"}]},{"name":"Slash","fields":[{"name":"stake","type":"pubkey"},{"name":"amount","type":"u64"},{"name":"reason","type":"u16"}]}]}},{"name":"HandoverAccepted","docs":["The successor accepted a stake: it is its authority from now on."],"type":{"kind":"struct","fields":[{"name":"account","type":"pubkey"},{"name":"previous","type":"pubkey"},{"name":"current","type":"pubkey"}]}},{"name":"HandoverProposed","docs":["A stake's or an earnings account's holder named its successor (`None`: cancelled)."],"type":{"kind":"struct","fields":[{"name":"account","docs":["The stake or earnings account."],"type":"pubkey"},{"name":"current","type":"pubkey"},{"name":"proposed","type":{"option":"pubkey"}}]}},{"name":"InferencePaid","docs":["The whole breakdown of one inference fee: who contributed, who refined, who executed, who","earned. `protocol_fee + dust + owner_amount + operator_amount + Σ lineage.amount == fee`."],"type":{"kind":"struct","fields":[{"name":"model","type":"pubkey"},{"name":"request_id","docs":["The caller's id of the request (a label: callers may repeat it); with a proof-attributed","entry it enters the epoch's records hash with `output_hash` and the entry's amount."],"type":{"array":["u8",32]}},{"name":"output_hash","docs":["sha256 of what the calls returned, as the payer committed it."],"type":{"array":["u8",32]}},{"name":"payer","type":"pubkey"},{"name":"operator","type":"pubkey"},{"name":"calls","type":"u64"},{"name":"price_per_call","type":"u64"},{"name":"fee","type":"u64"},{"name":"protocol_fee","type":"u64"},{"name":"dust","docs":["Rounding remainder, credited to the treasury with the protocol fee."],"type":"u64"},{"name":"owner","type":"pubkey"},{"name":"owner_amount","type":"u64"},{"name":"operator_amount","type":"u64"},{"name":"lineage","docs":["One credit per lineage entry, in order; a proof-attributed entry's goes to the epoch."],"type":{"vec":{"defined":{"name":"LineageCredit"}}}},{"name":"epoch","docs":["The epoch credited (its index), when the model has a proof-attributed entry."],"type":{"option":"u64"}},{"name":"record","docs":["The payment's record number in that epoch (from 0): the record's id, which the chain","assigns, so two payments never share one whatever their request ids."],"type":{"option":"u64"}},{"name":"timestamp","type":"i64"}]}},{"name":"InferencePayArgs","type":{"kind":"struct","fields":[{"name":"calls","docs":["Number of inference calls paid for; above zero."],"type":"u64"},{"name":"max_fee","docs":["The most the payer accepts to pay (the price can change until the transaction lands)."],"type":"u64"},{"name":"request_id","docs":["The caller's id of the request (e.g. a hash of the prompt and time). For a model with a","proof-attributed entry it enters the epoch's records hash, which an attestor's root must","match, so the set of payments an allocation covers can be checked against the chain."],"type":{"array":["u8",32]}},{"name":"output_hash","docs":["sha256 of what the calls returned (`poa_merkle::output_hash`). For a model with a","proof-attributed entry it enters the epoch's records hash with the request id, so an","attestor can only attribute the outputs the payer committed to; zero when there is none."],"type":{"array":["u8",32]}}]}},{"name":"LineageCredit","docs":["Where one lineage entry's share of a payment went: the datanet's pool (`[pool, target]`) or","the upstream model's escrow (`[escrow, target]`)."],"type":{"kind":"struct","fields":[{"name":"target","docs":["The datanet or upstream model of the entry."],"type":"pubkey"},{"name":"amount","type":"u64"}]}},{"name":"LineageEntry","docs":["One weighted upstream item of a model."],"type":{"kind":"struct","fields":[{"name":"source","type":{"defined":{"name":"LineageSource"}}},{"name":"target","docs":["The datanet or upstream model account."],"type":"pubkey"},{"name":"datanet_version","docs":["For a datanet entry (required), the `DatanetVersion` the model was trained on: its","contributions, and only they, share the entry's part of every fee. `None` for a model entry."],"type":{"option":"pubkey"}},{"name":"share_bps","docs":["Share of every fee (after the protocol fee), in basis points."],"type":"u16"},{"name":"proof_attributed","docs":["Datanet entries only, at most one per model: the share is allocated per output by Proof of","Attribution epochs instead of by the static weights of the datanet's pool (which receives","whatever an epoch does not attribute)."],"type":"bool"}]}},{"name":"LineageSource","docs":["What a lineage entry points at."],"type":{"kind":"enum","variants":[{"name":"Datanet"},{"name":"Model"}]}},{"name":"Model","docs":["A model and its frozen attribution commitments. PDA `[SEED_MODEL, owner, id (u64 LE)]`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"owner","docs":["The builder: receives the owner share, sets the price, publishes and retires. It can hand","the model over (`model_owner_propose`/`_accept`); the PDA keeps the creator's key."],"type":"pubkey"},{"name":"id","type":"u64"},{"name":"kind","type":{"defined":{"name":"ModelKind"}}},{"name":"base_model","docs":["The base model of an adapter; `None` for other kinds."],"type":{"option":"pubkey"}},{"name":"state","type":{"defined":{"name":"ModelState"}}},{"name":"price_per_call","docs":["Price per inference call, in OPEN base units."],"type":"u64"},{"name":"artifact_hash","docs":["Hash of the published weights or adapter file."],"type":{"array":["u8",32]}},{"name":"owner_share_bps","type":"u16"},{"name":"operator_share_bps","type":"u16"},{"name":"attestor","docs":["Who may post Proof of Attribution roots for this model; set at publish."],"type":{"option":"pubkey"}},{"name":"created_at","type":"i64"},{"name":"published_at","type":"i64"},{"name":"retired_at","type":"i64"},{"name":"pending_owner","docs":["Set by `model_owner_propose`, cleared when accepted: the wallet the model (and its owner","share of every later fee) is handed to."],"type":{"option":"pubkey"}},{"name":"reserved","type":{"array":["u8",31]}},{"name":"lineage","type":{"vec":{"defined":{"name":"LineageEntry"}}}},{"name":"name","type":"string"},{"name":"uri","type":"string"}]}},{"name":"ModelKind","type":{"kind":"enum","variants":[{"name":"Base"},{"name":"FineTune"},{"name":"Adapter"},{"name":"Agent"}]}},{"name":"ModelState","type":{"kind":"enum","variants":[{"name":"Draft"},{"name":"Published"},{"name":"Retired"}]}},{"name":"Operator","docs":["An inference operator. PDA `[SEED_OPERATOR, first authority]`. It is payable while `Active` here and","staked at least the minimum in `attribution_payout`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"authority","docs":["The operator's wallet: signs its updates, receives its earnings. It can hand the operator","over (`operator_authority_propose`/`_accept`); the PDA keeps the first authority's key."],"type":"pubkey"},{"name":"status","type":{"defined":{"name":"OperatorStatus"}}},{"name":"registered_at","type":"i64"},{"name":"updated_at","type":"i64"},{"name":"pending_authority","docs":["Set by `operator_authority_propose`, cleared when accepted."],"type":{"option":"pubkey"}},{"name":"reserved","type":{"array":["u8",32]}},{"name":"endpoint","docs":["Where it serves inference."],"type":"string"}]}},{"name":"OperatorStatus","type":{"kind":"enum","variants":[{"name":"Active"},{"name":"Inactive"}]}},{"name":"PauseSet","type":{"kind":"struct","fields":[{"name":"guardian","type":"pubkey"},{"name":"paused","type":"bool"}]}},{"name":"Pool","docs":["The reward pool of one published datanet version: the classic reward-per-weight accumulator","over a membership and a total weight that were fixed when the version was published. Every","credit is divided among exactly the version's contributions, so a fee costs the same whether","it has one contribution or a million, nothing ever waits for \"the next enrolment\", and no","weight can join after the fact. PDA `[SEED_POOL, datanet_version]`; created only there, by","`pool_init`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"datanet","type":"pubkey"},{"name":"datanet_version","type":"pubkey"},{"name":"accepted_end","docs":["The version's contributions are those accepted with `accepted_seq < accepted_end`."],"type":"u64"},{"name":"total_weight","docs":["The version's summed weight, copied at `pool_init`; never changes, above zero."],"type":"u64"},{"name":"enrolled_weight","docs":["Weight of the positions opened so far (at most `total_weight`); informational."],"type":"u64"},{"name":"positions","type":"u64"},{"name":"reward_per_weight","docs":["Rewards per unit of weight since the pool began, scaled by 2^64."],"type":"u128"},{"name":"carry","docs":["The remainder of the last accumulator division, in 2^-64 token units, carried forward."],"type":"u64"},{"name":"total_credited","type":"u64"},{"name":"total_claimed","type":"u64"},{"name":"reserved","type":{"array":["u8",64]}}]}},{"name":"PoolInitialized","type":{"kind":"struct","fields":[{"name":"pool","type":"pubkey"},{"name":"datanet","type":"pubkey"},{"name":"datanet_version","type":"pubkey"},{"name":"total_weight","docs":["The version's fixed summed weight: the denominator of every credit to the pool."],"type":"u64"}]}},{"name":"Position","docs":["A contribution's share of one datanet version's pool: its weight, and where in the","accumulator it last claimed. Since the version's membership was fixed before any credit, a","position opened late starts from the pool's beginning (checkpoint 0): nothing credited to","the version is lost by enrolling late. PDA `[SEED_POSITION, pool, contribution]`; created","only there, by `position_enroll`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"pool","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"beneficiary","docs":["The contributor: the only one who can claim."],"type":"pubkey"},{"name":"weight","docs":["The contribution's accepted weight, copied at enrolment (weights never change)."],"type":"u64"},{"name":"reward_checkpoint","docs":["The pool's `reward_per_weight` at the position's last claim (0 before the first)."],"type":"u128"},{"name":"fraction","docs":["The part of a token unit accrued but not yet paid (low 64 bits), carried to the next claim."],"type":"u64"},{"name":"total_claimed","type":"u64"},{"name":"enrolled_at","type":"i64"},{"name":"reserved","type":{"array":["u8",32]}}]}},{"name":"PositionClaimed","type":{"kind":"struct","fields":[{"name":"position","type":"pubkey"},{"name":"pool","type":"pubkey"},{"name":"beneficiary","type":"pubkey"},{"name":"amount","type":"u64"},{"name":"total_claimed","type":"u64"}]}},{"name":"PositionEnrolled","type":{"kind":"struct","fields":[{"name":"position","type":"pubkey"},{"name":"pool","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"beneficiary","type":"pubkey"},{"name":"weight","type":"u64"},{"name":"pool_enrolled_weight","docs":["Weight of the pool's positions so far, of the version's fixed total."],"type":"u64"}]}},{"name":"PositionSynced","docs":["A position now pays its contribution's new contributor."],"type":{"kind":"struct","fields":[{"name":"position","type":"pubkey"},{"name":"previous","type":"pubkey"},{"name":"beneficiary","type":"pubkey"}]}},{"name":"Receipt","docs":["A contribution's leaf of `epoch` was paid (`amount`, to its contributor then: the","`AttributionClaimed` event names the wallet); its existence makes a second claim fail.","PDA `[SEED_RECEIPT, epoch, contribution]`."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"epoch","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"amount","type":"u64"},{"name":"rent_payer","docs":["Paid the account's rent; gets it back when the receipt is closed after the epoch."],"type":"pubkey"}]}},{"name":"ReceiptClosed","type":{"kind":"struct","fields":[{"name":"receipt","type":"pubkey"},{"name":"epoch","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"rent_returned","type":"u64"}]}},{"name":"Role","docs":["The config's roles. Each is any signer (a wallet, a multisig vault, a DAO's PDA) and changes","hands in two steps: the admin queues `GovernanceAction::SetRole`, and after the timelock the","named key accepts (`role_accept`)."],"type":{"kind":"enum","variants":[{"name":"Admin"},{"name":"Guardian"},{"name":"Resolver"}]}},{"name":"RoleAccepted","type":{"kind":"struct","fields":[{"name":"role","type":{"defined":{"name":"Role"}}},{"name":"previous","type":"pubkey"},{"name":"holder","type":"pubkey"}]}},{"name":"Stake","docs":["An operator's stake in the stake vault. PDA `[SEED_STAKE, first authority]`; created only","there, by `stake_init`. Handed over with the operator (`stake_authority_propose`/`_accept`)."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"authority","docs":["The operator's wallet (its `model_registry` Operator's authority)."],"type":"pubkey"},{"name":"active","docs":["Counts toward the minimum that makes the operator payable."],"type":"u64"},{"name":"unstaking","docs":["Requested for withdrawal; no longer counts; withdrawable from `unlock_at`."],"type":"u64"},{"name":"unlock_at","type":"i64"},{"name":"pending_authority","docs":["Set by `stake_authority_propose`, cleared when accepted."],"type":{"option":"pubkey"}},{"name":"locked","docs":["What queued slashes name (`GovernanceAction::Slash`): the withdrawal must leave this much."],"type":"u64"},{"name":"slashable_until","docs":["The stake posted a Proof of Attribution root: nothing is withdrawn before that epoch's","challenge window and any challenge's resolution are over, whatever the config says later."],"type":"i64"},{"name":"reserved","type":{"array":["u8",16]}}]}},{"name":"StakeChange","type":{"kind":"enum","variants":[{"name":"Deposit"},{"name":"UnstakeRequest"},{"name":"Withdraw"}]}},{"name":"StakeChanged","type":{"kind":"struct","fields":[{"name":"stake","type":"pubkey"},{"name":"authority","type":"pubkey"},{"name":"amount","docs":["Deposited (+), requested for unstaking, or withdrawn, by this change."],"type":"u64"},{"name":"kind","type":{"defined":{"name":"StakeChange"}}},{"name":"active","type":"u64"},{"name":"unstaking","type":"u64"},{"name":"unlock_at","type":"i64"}]}},{"name":"StakeInitialized","type":{"kind":"struct","fields":[{"name":"stake","type":"pubkey"},{"name":"authority","type":"pubkey"}]}},{"name":"StakeSlashed","docs":["Governance took `amount` of an operator's stake for the treasury's earnings."],"type":{"kind":"struct","fields":[{"name":"stake","type":"pubkey"},{"name":"authority","docs":["The operator's wallet."],"type":"pubkey"},{"name":"action","docs":["The queued action it executed."],"type":"pubkey"},{"name":"amount","type":"u64"},{"name":"reason","type":"u16"},{"name":"active","type":"u64"},{"name":"unstaking","type":"u64"},{"name":"treasury","docs":["Whose Treasury earnings were credited."],"type":"pubkey"}]}},{"name":"Voucher","docs":["What a channel's signer signs after each call: cumulative calls and amount so far, a running","hash of the calls' (request id, output hash) pairs, and a sequence number that only grows."],"type":{"kind":"struct","fields":[{"name":"sequence","type":"u64"},{"name":"calls","type":"u64"},{"name":"amount","type":"u64"},{"name":"running_hash","type":{"array":["u8",32]}}]}}]} as const;

/** The IDL, typed for `new Program<AttributionPayout>(...)`. */
export const attributionPayoutIdl = attributionPayoutIdlJson as unknown as AttributionPayout;
