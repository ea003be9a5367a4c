print("dxserve")
