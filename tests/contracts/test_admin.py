def test_administrators_read_contracts_and_payments_but_change_nothing(admin_client, pond_lease):
    contract = pond_lease.contract
    assert admin_client.get("/admin/contracts/contract/").status_code == 200
    assert (
        "东洼鱼塘"
        in admin_client.get(f"/admin/contracts/contract/{contract.pk}/change/").content.decode()
    )
    assert (
        admin_client.post(
            f"/admin/contracts/contract/{contract.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert admin_client.get("/admin/contracts/payment/add/").status_code == 403
